using System.Diagnostics;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Workspace;

namespace MaximoOffline.Bench;

/// <summary>
/// The workspace's reads as the web app makes them (its gateways, in process), each timed over many
/// runs after a warm-up: search for what a technician types (a record's number less its last
/// character, two words of a description, one common word), and the work order list filtered as a
/// planner filters it (site and open, by target start; one status; pages deep in the list).
/// </summary>
internal static class WorkspaceQueries
{
    public sealed record Timing(string Name, double P50, double P95);

    public static IReadOnlyList<Timing> Measure(ReplicaDatabase database, int runs = 300)
    {
        var search = new WorkspaceSearch(database);
        var lists = new WorkspaceLists(database);
        var assets = SampleAssets(database, runs);
        var open = ListQuery.Parse(WorkspaceKinds.WorkOrders, site: "KDFAC", sort: "targstartdate");
        string? after = null;
        var i = 0;
        string Next<T>(IReadOnlyList<T> samples, Func<T, string> text) => text(samples[i++ % samples.Count]);

        return
        [
            Time("search: an asset's number less its last character", runs, () => search.Search(Next(assets, a => a.Number[..^1]))),
            Time("search: two words of an asset's description", runs, () => search.Search(Next(assets, a => string.Join(' ', a.Description.Split(' ').Take(2))))),
            Time("search: one common word (pump)", runs, () => search.Search("pump")),
            Time("work orders: KDFAC, open, by target start, page 1", runs, () => lists.Page(open)),
            Time("work orders: KDFAC, open, by target start, next pages", runs, () =>
            {
                var page = lists.Page(ListQuery.Parse(WorkspaceKinds.WorkOrders, site: "KDFAC", sort: "targstartdate", after: after));
                after = page.Next;
            }),
            Time("work orders: KDFAC, status INPRG, by -wonum, page 1", runs, () =>
                lists.Page(ListQuery.Parse(WorkspaceKinds.WorkOrders, site: "KDFAC", status: "INPRG", sort: "-wonum"))),
            Time("work orders: KDFAC, open, words 'pump', page 1", runs, () =>
                lists.Page(ListQuery.Parse(WorkspaceKinds.WorkOrders, site: "KDFAC", q: "pump"))),
        ];
    }

    private static Timing Time(string name, int runs, Action read)
    {
        for (var warm = 0; warm < Math.Max(5, runs / 10); warm++)
        {
            read();
        }

        var times = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            read();
            times[run] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return new Timing(name, times[runs / 2], times[(int)(runs * 0.95)]);
    }

    private sealed record Asset(string Number, string Description);

    /// <summary>Assets picked at random across the table (by unique id), with a number and a description of two words or more.</summary>
    private static List<Asset> SampleAssets(ReplicaDatabase database, int count)
    {
        using var connection = database.OpenConnection();
        using var range = connection.CreateCommand();
        range.CommandText = "SELECT MIN(assetuid), MAX(assetuid) FROM asset";
        long low, high;
        using (var reader = range.ExecuteReader())
        {
            reader.Read();
            (low, high) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var random = new Random(42);
        var assets = new List<Asset>();
        using var pick = connection.CreateCommand();
        pick.CommandText = "SELECT assetnum, description FROM asset WHERE assetuid >= $id AND deleted_at IS NULL " +
                           "AND description LIKE '% %' ORDER BY assetuid LIMIT 1";
        var id = pick.Parameters.AddWithValue("$id", 0L);
        while (assets.Count < count)
        {
            id.Value = random.NextInt64(low, high + 1);
            using var reader = pick.ExecuteReader();
            if (reader.Read())
            {
                assets.Add(new Asset(reader.GetString(0), reader.GetString(1)));
            }
        }

        return assets;
    }
}
