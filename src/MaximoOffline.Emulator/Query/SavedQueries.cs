namespace MaximoOffline.Emulator.Query;

// Server-side named queries. Names are case-sensitive and an unknown name is silently ignored,
// which is exactly how a misspelt savedQuery returns everything on a real server.
internal static class SavedQueries
{
    private static readonly Dictionary<string, Dictionary<string, string>> ByStructure = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MXAPIASSET"] = new(StringComparer.Ordinal)
        {
            ["OPERATING"] = "status=\"OPERATING\"",
            ["BROKEN"] = "status=\"BROKEN\"",
        },
        ["MXAPIWODETAIL"] = new(StringComparer.Ordinal)
        {
            ["OPENWO"] = "historyflag=0 and status in [\"WAPPR\",\"APPR\",\"INPRG\",\"ASSIGN\",\"WMATL\"]",
            ["HISTORYWO"] = "historyflag=1",
        },
        ["MXAPILOCATIONS"] = new(StringComparer.Ordinal) { ["STOREROOMS"] = "type=\"STOREROOM\"" },
        ["MXAPIPERUSER"] = new(StringComparer.Ordinal) { ["ACTIVEPERSONS"] = "status=\"ACTIVE\"" },
    };

    public static IReadOnlyList<WhereTerm> Resolve(string objectStructure, string? name) =>
        name is not null && ByStructure.TryGetValue(objectStructure, out var queries) && queries.TryGetValue(name, out var where)
            ? WhereParser.Parse(where)
            : [];
}
