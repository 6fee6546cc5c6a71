using System.Text.Json;
using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Endpoints;

/// <summary>The six endpoints, by slug. <c>all</c> runs them in <see cref="DependencyOrder"/>.</summary>
public static class EndpointCatalog
{
    public const string All = "all";

    // Slug, object structure, main table, how changes are found, and whether it reads one site at a
    // time; then what is particular to each: its filter beyond the site, and the references to check.
    public static readonly EndpointDefinition PerUser = Define("peruser", "MXAPIPERUSER", "people", ReplicaCatalog.Person, CursorKind.Rowstamp, siteScoped: false) with
    {
        References = [new(ReplicaCatalog.GroupUser, ["groupname"], ReplicaCatalog.MaxGroup, ["groupname"], "security groups")],
    };

    public static readonly EndpointDefinition Locations = Define("locations", "MXAPILOCATIONS", "locations", ReplicaCatalog.Locations, CursorKind.ChangeDate, siteScoped: true);

    public static readonly EndpointDefinition Assets = Define("assets", "MXAPIASSET", "assets", ReplicaCatalog.Asset, CursorKind.ChangeDate, siteScoped: true) with
    {
        References = [new(ReplicaCatalog.Asset, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "locations")],
    };

    public static readonly EndpointDefinition Domain = Define("domain", "MXAPIDOMAIN", "domains", ReplicaCatalog.MaxDomain, CursorKind.Rowstamp, siteScoped: false);

    public static readonly EndpointDefinition WoDetail = Define("wodetail", "MXAPIWODETAIL", "work orders", ReplicaCatalog.WorkOrder, CursorKind.ChangeDate, siteScoped: true) with
    {
        Filter = new RecordFilter(
            options => ["historyflag=0", MaximoWhere.In("status", options.WorkOrderStatuses)],
            ["status", "historyflag"],
            (record, options) => OpenWorkOrder(record, options) ? null : Text(record, "status") ?? "no status"),
        References =
        [
            new(ReplicaCatalog.WorkOrder, ["assetnum", "siteid"], ReplicaCatalog.Asset, ["assetnum", "siteid"], "assets"),
            new(ReplicaCatalog.WorkOrder, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "locations"),
        ],
    };

    public static readonly EndpointDefinition Inventory = Define("inventory", "MXAPIINVENTORY", "inventory records", ReplicaCatalog.Inventory, CursorKind.Rowstamp, siteScoped: true) with
    {
        References = [new(ReplicaCatalog.Inventory, ["location", "siteid"], ReplicaCatalog.Locations, ["location", "siteid"], "storeroom locations")],
    };

    /// <summary>The order <c>all</c> runs in: what others refer to comes first.</summary>
    public static IReadOnlyList<EndpointDefinition> DependencyOrder { get; } = [Domain, PerUser, Locations, Assets, WoDetail, Inventory];

    public static IEnumerable<string> Slugs => DependencyOrder.Select(e => e.Slug);

    public static EndpointDefinition? Find(string? slug) =>
        DependencyOrder.FirstOrDefault(e => string.Equals(e.Slug, slug, StringComparison.OrdinalIgnoreCase));

    // The filter's test as Maximo applies it: not history, and one of the statuses synced.
    private static bool OpenWorkOrder(JsonElement record, SyncOptions options) =>
        !IsTrue(record, "historyflag") && Text(record, "status") is { } status && options.WorkOrderStatuses.Contains(status, StringComparer.Ordinal);

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsTrue(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => value.TryGetInt64(out var n) && n != 0,
            JsonValueKind.String => value.GetString() is "1" or "true" or "Y",
            _ => false,
        };

    private static EndpointDefinition Define(string slug, string objectStructure, string records, ReplicaTable root, CursorKind cursor, bool siteScoped) =>
        new() { Slug = slug, ObjectStructure = objectStructure, Records = records, Root = root, Cursor = cursor, SiteScoped = siteScoped };
}
