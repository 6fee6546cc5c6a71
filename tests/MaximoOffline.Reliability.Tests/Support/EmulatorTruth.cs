using System.Globalization;
using System.Text.Json;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// What a complete replica of the emulator holds for one site, read from the emulator over plain
/// HTTP (a complete read ordered by unique id): every table's keys, how often each table's rows are
/// listed, and which parent each child row sits under.
/// </summary>
public sealed class EmulatorTruth
{
    private static Dictionary<string, Dictionary<string, string>> ChildIds => MaximoOffline.Tests.Shared.MaximoJsonMap.ChildIds;

    /// <summary>Table → every key the emulator has for it.</summary>
    public Dictionary<string, HashSet<string>> Keys { get; } = [];

    /// <summary>Table → how many times its rows are listed across all records (more than its keys when rows are shared).</summary>
    public Dictionary<string, long> Listings { get; } = [];

    /// <summary>(child table, parent table) → child key → the keys of the parents that list it.</summary>
    public Dictionary<(string Child, string Parent), Dictionary<string, HashSet<string>>> Parents { get; } = [];

    /// <summary>Endpoint slug → its root table.</summary>
    public Dictionary<string, string> RootOf { get; } = [];

    /// <summary>Endpoint slug → Maximo's own count of its scope (<c>count=1</c>).</summary>
    public Dictionary<string, long> Counts { get; } = [];

    /// <summary>Tables whose every row is listed exactly once, so that a run's counters for it must equal the rows it stamped.</summary>
    public IEnumerable<string> ListedOnce => Keys.Keys.Where(t => Listings[t] == Keys[t].Count);

    public static async Task<EmulatorTruth> ReadAsync(HttpClient http, string site)
    {
        var truth = new EmulatorTruth();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var where = endpoint.Where(site, new SyncOptions());
            truth.RootOf[endpoint.Slug] = endpoint.Root.Name;
            using (var count = await GetAsync(http, $"maximo/api/os/{endpoint.ObjectStructure}?lean=1&count=1{Where(where)}"))
            {
                truth.Counts[endpoint.Slug] = count.RootElement.GetProperty("totalCount").GetInt64();
            }

            for (var page = 1; ; page++)
            {
                using var json = await GetAsync(http, $"maximo/api/os/{endpoint.ObjectStructure}?lean=1&oslc.select={Uri.EscapeDataString(endpoint.Select)}" +
                                                      $"&oslc.orderBy=%2B{endpoint.UniqueId}&oslc.pageSize=1000&pageno={page}{Where(where)}");
                foreach (var member in json.RootElement.GetProperty("member").EnumerateArray())
                {
                    truth.Collect(endpoint.Root.Name, endpoint.UniqueId, member, null, null, 0);
                }

                if (!json.RootElement.GetProperty("responseInfo").TryGetProperty("nextPage", out _))
                {
                    break;
                }
            }
        }

        return truth;
    }

    private static string Where(string? where) => where is null ? "" : "&oslc.where=" + Uri.EscapeDataString(where);

    private static async Task<JsonDocument> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(body);
    }

    private void Collect(string table, string idPath, JsonElement row, string? parentTable, string? parentKey, int position)
    {
        var key = idPath.Length == 0 ? $"{parentKey}/{position}" : Read(row, idPath);
        if (!Keys.TryGetValue(table, out var keys))
        {
            Keys[table] = keys = [];
            Listings[table] = 0;
        }

        keys.Add(key);
        Listings[table]++;
        if (parentTable is not null)
        {
            if (!Parents.TryGetValue((table, parentTable), out var parents))
            {
                Parents[(table, parentTable)] = parents = [];
            }

            if (!parents.TryGetValue(key, out var owners))
            {
                parents[key] = owners = [];
            }

            owners.Add(parentKey!);
        }

        if (!ChildIds.TryGetValue(table, out var children))
        {
            return;
        }

        foreach (var property in row.EnumerateObject())
        {
            if (!children.TryGetValue(property.Name, out var childId))
            {
                continue;
            }

            var list = property.Value.ValueKind == JsonValueKind.Object ? property.Value.GetProperty("member") : property.Value;
            var i = 0;
            foreach (var child in list.EnumerateArray())
            {
                Collect(property.Name, childId, child, table, key, i++);
            }
        }
    }

    private static string Read(JsonElement row, string path)
    {
        var value = row;
        foreach (var segment in path.Split('.'))
        {
            value = value.GetProperty(segment);
        }

        return value.ValueKind == JsonValueKind.Number
            ? value.GetInt64().ToString(CultureInfo.InvariantCulture)
            : value.GetString()!;
    }
}
