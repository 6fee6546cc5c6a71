using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Client;

namespace MaximoOffline.Sync.Endpoints;

/// <summary>The six endpoints, by slug. <c>all</c> runs them in <see cref="DependencyOrder"/>.</summary>
public static class EndpointCatalog
{
    public const string All = "all";

    // Slug, object structure, main table, how changes are found, and whether it reads one site at a
    // time; then what is particular to each: its filter beyond the site, and the references to check.
    public static readonly EndpointDefinition PerUser = Define("peruser", "MXAPIPERUSER", ReplicaCatalog.Person, CursorKind.Rowstamp, siteScoped: false) with
    {
        References = [new(ReplicaCatalog.GroupUser, ["groupname"], ReplicaCatalog.MaxGroup, ["groupname"], "security groups")],
    };

    public static readonly EndpointDefinition Locations = Define("locations", "MXAPILOCATIONS", ReplicaCatalog.Locations, CursorKind.ChangeDate, siteScoped: true);

    public static readonly EndpointDefinition Assets = Define("assets", "MXAPIASSET", ReplicaCatalog.Asset, CursorKind.ChangeDate, siteScoped: true) with
    {
        References = [new(ReplicaCatalog.Asset, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "locations")],
    };

    public static readonly EndpointDefinition Domain = Define("domain", "MXAPIDOMAIN", ReplicaCatalog.MaxDomain, CursorKind.Rowstamp, siteScoped: false);

    public static readonly EndpointDefinition WoDetail = Define("wodetail", "MXAPIWODETAIL", ReplicaCatalog.WorkOrder, CursorKind.ChangeDate, siteScoped: true) with
    {
        ExtraFilter = options => ["historyflag=0", MaximoWhere.In("status", options.WorkOrderStatuses)],
        References =
        [
            new(ReplicaCatalog.WorkOrder, ["assetnum", "siteid"], ReplicaCatalog.Asset, ["assetnum", "siteid"], "assets"),
            new(ReplicaCatalog.WorkOrder, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "locations"),
        ],
    };

    public static readonly EndpointDefinition Inventory = Define("inventory", "MXAPIINVENTORY", ReplicaCatalog.Inventory, CursorKind.Rowstamp, siteScoped: true) with
    {
        References = [new(ReplicaCatalog.Inventory, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "storeroom locations")],
    };

    /// <summary>The order <c>all</c> runs in: what others refer to comes first.</summary>
    public static IReadOnlyList<EndpointDefinition> DependencyOrder { get; } = [Domain, PerUser, Locations, Assets, WoDetail, Inventory];

    public static IEnumerable<string> Slugs => DependencyOrder.Select(e => e.Slug);

    public static EndpointDefinition? Find(string? slug) =>
        DependencyOrder.FirstOrDefault(e => string.Equals(e.Slug, slug, StringComparison.OrdinalIgnoreCase));

    private static EndpointDefinition Define(string slug, string objectStructure, ReplicaTable root, CursorKind cursor, bool siteScoped) =>
        new() { Slug = slug, ObjectStructure = objectStructure, Root = root, Cursor = cursor, SiteScoped = siteScoped };
}
