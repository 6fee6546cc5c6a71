using System.Globalization;
using System.Text.Json;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Tests;

/// <summary>
/// What a complete replica of an emulator holds, per table the unique ids of its live rows, read from
/// the emulator over plain HTTP and mapped with the tests' own map of Maximo's children.
/// </summary>
internal static class ExpectedRows
{
    /// <param name="missingChildren">Children the server's object structures lack ("MXAPIASSET/failurereport"): not asked for.</param>
    /// <param name="pageSize">Records a page: small enough for a server behind a gateway that times heavy pages out.</param>
    public static async Task<Dictionary<string, HashSet<string>>> ReadAsync(EmulatorFixture emulator, string site,
        IReadOnlyCollection<string>? missingChildren = null, int pageSize = 1000)
    {
        var expected = new Dictionary<string, HashSet<string>>();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var missing = (missingChildren ?? []).Where(m => m.StartsWith(endpoint.ObjectStructure + "/", StringComparison.OrdinalIgnoreCase))
                .Select(m => m[(endpoint.ObjectStructure.Length + 1)..]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var select = SelectClause.Build(endpoint.Root, path => !missing.Contains(path));
            var members = await emulator.AllAsync(endpoint.ObjectStructure, select, endpoint.UniqueId, endpoint.Where(site, new SyncOptions()), pageSize);
            Assert.NotEmpty(members);
            foreach (var member in members)
            {
                Collect(expected, endpoint.Root.Name, endpoint.UniqueId, member);
            }
        }

        return expected;
    }

    /// <summary>Every table of <paramref name="expected"/> holds exactly those live rows, no more, no fewer.</summary>
    public static void AssertReplicaHolds(SyncHarness harness, Dictionary<string, HashSet<string>> expected)
    {
        foreach (var (table, keys) in expected)
        {
            var key = harness.Column<string>($"SELECT name FROM pragma_table_info('{table}') WHERE pk = 1").Single();
            var actual = harness.Column<object>($"SELECT \"{key}\" FROM \"{table}\" WHERE deleted_at IS NULL")
                .Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).ToHashSet();
            Assert.True(keys.SetEquals(actual), $"{table}: emulator has {keys.Count} rows, replica {actual.Count}; " +
                $"missing {string.Join(",", keys.Except(actual).Take(5))}; extra {string.Join(",", actual.Except(keys).Take(5))}");
        }
    }

    private static void Collect(Dictionary<string, HashSet<string>> expected, string table, string idPath, JsonElement row, string? parentKey = null, int position = 0)
    {
        var key = idPath.Length == 0 ? $"{parentKey}/{position}" : Read(row, idPath);
        if (!expected.TryGetValue(table, out var keys))
        {
            expected[table] = keys = [];
        }

        keys.Add(key);
        foreach (var property in row.EnumerateObject())
        {
            if (!MaximoJsonMap.ChildIds.TryGetValue(table, out var children) || !children.TryGetValue(property.Name, out var childId))
            {
                continue;
            }

            var list = property.Value.ValueKind == JsonValueKind.Object ? property.Value.GetProperty("member") : property.Value;
            var i = 0;
            foreach (var child in list.EnumerateArray())
            {
                Collect(expected, property.Name, childId, child, key, i++);
            }
        }
    }

    private static string Read(JsonElement row, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            row = row.GetProperty(segment);
        }

        return row.ValueKind == JsonValueKind.String ? row.GetString()! : row.GetRawText();
    }
}
