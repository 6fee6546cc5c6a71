using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Client;

namespace MaximoOffline.Sync.Endpoints;

/// <summary>The six endpoints, by slug. <c>all</c> runs them in <see cref="DependencyOrder"/>.</summary>
public static class EndpointCatalog
{
    public const string All = "all";

    public static readonly EndpointDefinition PerUser = new()
    {
        Slug = "peruser",
        ObjectStructure = "MXAPIPERUSER",
        Root = ReplicaCatalog.Person,
        Cursor = CursorKind.Rowstamp,
        SiteScoped = false,
        References = [new(ReplicaCatalog.GroupUser, ["groupname"], ReplicaCatalog.MaxGroup, ["groupname"], "security groups")],
    };

    public static readonly EndpointDefinition Locations = new()
    {
        Slug = "locations",
        ObjectStructure = "MXAPILOCATIONS",
        Root = ReplicaCatalog.Locations,
        Cursor = CursorKind.ChangeDate,
        SiteScoped = true,
    };

    public static readonly EndpointDefinition Assets = new()
    {
        Slug = "assets",
        ObjectStructure = "MXAPIASSET",
        Root = ReplicaCatalog.Asset,
        Cursor = CursorKind.ChangeDate,
        SiteScoped = true,
        References = [new(ReplicaCatalog.Asset, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "locations")],
    };

    public static readonly EndpointDefinition Domain = new()
    {
        Slug = "domain",
        ObjectStructure = "MXAPIDOMAIN",
        Root = ReplicaCatalog.MaxDomain,
        Cursor = CursorKind.Rowstamp,
        SiteScoped = false,
    };

    public static readonly EndpointDefinition WoDetail = new()
    {
        Slug = "wodetail",
        ObjectStructure = "MXAPIWODETAIL",
        Root = ReplicaCatalog.WorkOrder,
        Cursor = CursorKind.ChangeDate,
        SiteScoped = true,
        ExtraFilter = options => ["historyflag=0", MaximoWhere.In("status", options.WorkOrderStatuses)],
        References =
        [
            new(ReplicaCatalog.WorkOrder, ["assetnum", "siteid"], ReplicaCatalog.Asset, ["assetnum", "siteid"], "assets"),
            new(ReplicaCatalog.WorkOrder, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "locations"),
        ],
    };

    public static readonly EndpointDefinition Inventory = new()
    {
        Slug = "inventory",
        ObjectStructure = "MXAPIINVENTORY",
        Root = ReplicaCatalog.Inventory,
        Cursor = CursorKind.Rowstamp,
        SiteScoped = true,
        References = [new(ReplicaCatalog.Inventory, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "storeroom locations")],
    };

    /// <summary>The order <c>all</c> runs in: what others refer to comes first.</summary>
    public static IReadOnlyList<EndpointDefinition> DependencyOrder { get; } = [Domain, PerUser, Locations, Assets, WoDetail, Inventory];

    public static IEnumerable<string> Slugs => DependencyOrder.Select(e => e.Slug);

    public static EndpointDefinition? Find(string? slug) =>
        DependencyOrder.FirstOrDefault(e => string.Equals(e.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
