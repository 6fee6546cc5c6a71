using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Query;

namespace MaximoOffline.Emulator.Loading;

// Reads a folder of responses saved from a real Maximo (mxapiasset.json, mxapiasset-2.json, ...),
// lean or namespaced, and serves them with the same query support as generated data. Namespace
// prefixes are dropped, hrefs become rest ids, _rowstamp is kept, dates become dates again.
internal static partial class SavedResponseLoader
{
    private static readonly Dictionary<string, string> Relations = new(StringComparer.OrdinalIgnoreCase) { ["maxuser"] = "user" };
    private static readonly Dictionary<string, string> ChildIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wpmaterial"] = "wpitemid",
        ["wptool"] = "wpitemid",
    };

    public static Dataset Load(string directory, ulong seed)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Emulator data directory not found: {directory}");
        }
        var byStructure = new Dictionary<string, List<Rec>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var match = FileName().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                continue;
            }
            var name = match.Groups["os"].Value.ToUpperInvariant();
            if (!byStructure.TryGetValue(name, out var records))
            {
                byStructure[name] = records = [];
            }
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream);
            records.AddRange(Members(document.RootElement).Select(m => ToRec(m, null)));
        }
        var sources = new List<MaterializedSource>();
        foreach (var served in ObjectStructures.Served)
        {
            sources.Add(new MaterializedSource(served, byStructure.GetValueOrDefault(served.Name) ?? []));
        }
        foreach (var (name, records) in byStructure.Where(p => ObjectStructures.Find(p.Key) is null))
        {
            sources.Add(new MaterializedSource(Guess(name, records), records));
        }
        var start = Math.Max(Generation.RowstampRegions.CounterStart, sources.Max(s => s.MaxRowstamp) + 1);
        return new Dataset(sources, seed, start, $"saved responses in {directory}");
    }

    [GeneratedRegex(@"^(?<os>[A-Za-z0-9_]+?)(-\d+)?\.json$")]
    private static partial Regex FileName();

    private static List<JsonElement> Members(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().ToList();
        }
        if (root.TryGetProperty("member", out var lean) || root.TryGetProperty("rdfs:member", out lean))
        {
            return lean.EnumerateArray().ToList();
        }
        return [root];
    }

    private static string Plain(string name) => name.LastIndexOf(':') is var i and >= 0 ? name[(i + 1)..] : name;

    private static Rec ToRec(JsonElement element, string? childName)
    {
        var rec = new Rec();
        foreach (var property in element.EnumerateObject())
        {
            var name = Plain(property.Name);
            var value = property.Value;
            if (name is "about" or "href")
            {
                if (value.GetString() is { } href && href.LastIndexOf('/') is var slash and >= 0 && href[(slash + 1)..].StartsWith('_'))
                {
                    rec.RestId = href[(slash + 1)..];
                }
                continue;
            }
            if (name is "localref" or "prefixes" || name.EndsWith("_collectionref", StringComparison.Ordinal))
            {
                continue;
            }
            if (name == "_rowstamp")
            {
                rec.Rowstamp = Json.RowstampText.Parse(value.ToString()) ?? 0;
                continue;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.Array:
                    var rows = value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => ToRec(e, name)).ToList();
                    rec.AddChildren(new ChildSet(name, Relations.GetValueOrDefault(name, name), false, rows));
                    break;
                case JsonValueKind.Object:
                    if (value.TryGetProperty("member", out var docs) || value.TryGetProperty("rdfs:member", out docs))
                    {
                        rec.AddChildren(new ChildSet(name, name, true, docs.EnumerateArray().Select(DocLink).ToList()));
                    }
                    break;
                default:
                    rec.Add(name, Scalar(value));
                    break;
            }
        }
        if (childName is not null)
        {
            var idName = ChildIds.GetValueOrDefault(childName, childName + "id");
            rec.UniqueId = rec.Get(idName) is long id ? id : null;
        }
        return rec;
    }

    private static Rec DocLink(JsonElement member)
    {
        var rec = new Rec();
        if (member.TryGetProperty("describedBy", out var described) || member.TryGetProperty("wdrs:describedBy", out described))
        {
            foreach (var property in described.EnumerateObject())
            {
                var name = Plain(property.Name);
                if (name is "href" or "about" or "localref" or "prefixes")
                {
                    continue;
                }
                if (name == "_rowstamp")
                {
                    rec.Rowstamp = Json.RowstampText.Parse(property.Value.ToString()) ?? 0;
                    continue;
                }
                if (name == "format" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    var label = property.Value.EnumerateObject().FirstOrDefault(p => Plain(p.Name) == "label");
                    rec.Add("format", label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString() : null);
                    continue;
                }
                rec.Add(name == "creator" ? "createby" : name, Scalar(property.Value));
            }
        }
        rec.UniqueId = rec.Get("identifier") switch
        {
            long l => l,
            string s when long.TryParse(s, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return rec;
    }

    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { } s && LooksLikeDate(s) && Values.ParseDate(s) is { } date ? date : value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static bool LooksLikeDate(string s) => s.Length >= 19 && s[4] == '-' && s[7] == '-' && s[10] == 'T';

    // An object structure we do not know: take the first integer attribute named like an id.
    private static ObjectStructure Guess(string name, List<Rec> records)
    {
        var first = records.FirstOrDefault();
        var id = first?.Attributes.FirstOrDefault(a => a.Value is long && (a.Key.EndsWith("uid", StringComparison.Ordinal) || a.Key.EndsWith("id", StringComparison.Ordinal))).Key ?? "id";
        var table = name.StartsWith("MXAPI", StringComparison.OrdinalIgnoreCase) ? name[5..].ToLowerInvariant() : name.ToLowerInvariant();
        return new ObjectStructure(name, table, id, [], false);
    }
}
