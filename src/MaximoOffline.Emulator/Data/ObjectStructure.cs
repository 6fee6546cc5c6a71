namespace MaximoOffline.Emulator.Data;

// What the emulator needs to know about an object structure to serve it.
internal sealed record ObjectStructure(
    string Name,
    string MainTable,
    string UniqueId,
    IReadOnlyList<string> NaturalKey,
    bool HasChangeDate)
{
    public string Href => Name.ToLowerInvariant();
}

internal static class ObjectStructures
{
    public static readonly ObjectStructure PerUser = new("MXAPIPERUSER", "person", "personuid", ["personid"], false);
    public static readonly ObjectStructure Locations = new("MXAPILOCATIONS", "locations", "locationsid", ["location", "siteid"], true);
    public static readonly ObjectStructure Asset = new("MXAPIASSET", "asset", "assetuid", ["assetnum", "siteid"], true);
    public static readonly ObjectStructure Domain = new("MXAPIDOMAIN", "maxdomain", "maxdomainid", ["domainid"], false);
    public static readonly ObjectStructure WoDetail = new("MXAPIWODETAIL", "workorder", "workorderid", ["siteid", "wonum"], true);
    public static readonly ObjectStructure Inventory = new("MXAPIINVENTORY", "inventory", "inventoryid", ["itemnum", "itemsetid", "location", "siteid"], false);
    public static readonly ObjectStructure ApiKey = new("MXAPIAPIKEY", "apikeytoken", "apikeytokenid", ["userid"], false);

    public static readonly IReadOnlyList<ObjectStructure> Served = [PerUser, Locations, Asset, Domain, WoDetail, Inventory];

    public static ObjectStructure? Find(string name) =>
        Served.FirstOrDefault(os => string.Equals(os.Name, name, StringComparison.OrdinalIgnoreCase));
}
