using System.Text.Json;
using System.Text.Json.Nodes;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// The attribute names of every record a real MAS Manage server sent (Evidence/attributes.txt: names
// and JSON types only, the site's own vec* attributes left out) appear in the emulator's records of
// the same object structure, asked the same way (namespaced, the same oslc.select), with the same
// JSON types: at least 95% of them per object structure.
public sealed class EvidenceCoverageTests(ScaleOneFixture fixture) : IClassFixture<ScaleOneFixture>
{
    private const double Required = 0.95;
    private readonly MaximoHttp _http = fixture.Maximo;

    // What each real response's responseInfo says it answered (page sizes aside: more records give
    // every sparse attribute and child a chance to appear).
    public static TheoryData<string, string> Requests => new()
    {
        { "MXAPIPERUSER", "oslc.select=*" },
        { "MXAPILOCATIONS", "oslc.select=*" },
        { "MXAPIASSET", "oslc.select=*,assetmeter{*},assetspec{*},doclinks{*},failurereport{*}&relativeuri=1&ignorecollectionref=0&collectioncount=1" },
        { "MXAPIDOMAIN", "oslc.select=*" },
        { "MXAPIWODETAIL", "oslc.select=*" },
        { "MXAPIINVENTORY", "oslc.select=*" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task RecordsCarryTheAttributesOfRealResponsesWithTheirJsonTypes(string objectStructure, string query)
    {
        var evidence = Evidence().Where(e => e.Path.Split('/')[0] == objectStructure).ToList();
        var body = await _http.GetJsonAsync($"api/os/{objectStructure.ToLowerInvariant()}?lean=0&oslc.pageSize=200&{query}");

        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var member in body["rdfs:member"]!.AsArray())
        {
            Walk(objectStructure, member!.AsObject(), seen);
        }
        var misses = evidence.Where(e => !Matches(e, seen)).Select(e => $"{e.Path} {e.Name} {string.Join('|', e.Types)}").ToList();

        Assert.NotEmpty(evidence);
        var covered = 1 - (double)misses.Count / evidence.Count;
        Assert.True(covered >= Required, $"{objectStructure}: {covered:P1} of {evidence.Count} names with their types; missing or mistyped: {string.Join(", ", misses)}");
    }

    // Present at the same path, and when both sides saw non-null values, values of the same JSON types.
    private static bool Matches(EvidenceLine line, Dictionary<string, HashSet<string>> seen)
    {
        if (!seen.TryGetValue($"{line.Path} {line.Name}", out var types))
        {
            return false;
        }
        var real = line.Types.Where(t => t != "null").ToHashSet();
        var ours = types.Where(t => t != "null").ToHashSet();
        return real.Count == 0 || ours.Count == 0 || real.SetEquals(ours);
    }

    // As the evidence was derived: prefixes dropped, arrays of objects and objects walked into.
    private static void Walk(string path, JsonObject record, Dictionary<string, HashSet<string>> seen)
    {
        foreach (var (key, value) in record)
        {
            var name = key.Contains(':', StringComparison.Ordinal) ? key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..] : key;
            var at = $"{path} {name}";
            if (!seen.TryGetValue(at, out var types))
            {
                seen[at] = types = [];
            }
            types.Add(TypeOf(value));
            if (value is JsonArray array && array.Count > 0 && array.All(v => v is JsonObject))
            {
                foreach (var item in array)
                {
                    Walk($"{path}/{name}", item!.AsObject(), seen);
                }
            }
            else if (value is JsonObject child && name != "prefixes")
            {
                Walk($"{path}/{name}", child, seen);
            }
        }
    }

    private static string TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private sealed record EvidenceLine(string Path, string Name, string[] Types);

    private static IEnumerable<EvidenceLine> Evidence() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Evidence", "attributes.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' '))
            .Select(p => new EvidenceLine(p[0], p[1], p[2].Split('|')));
}
