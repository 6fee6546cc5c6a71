using System.Diagnostics;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Sync.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Bench;

/// <summary>
/// The offline workspace's costs, each against its baseline in one run:
/// 1. sync all (full, KDFAC) with the workspace's indexes (full-text and list) and without, alternately,
///    at <c>--sync-scale</c>: end-to-end records/s, with ÷ without (goal ≥ 0.85), into a new replica
///    and again into the replica it filled;
/// 2. at <c>--small-scale</c> and <c>--scale</c>: a replica of locations, assets and work orders synced
///    from the emulator (at the small scale, its bytes with the indexes ÷ without, goal ≤ 1.15), and
///    search and a filtered work order list timed, p50 and p95, the large scale ÷ the small one
///    (goal ≤ 3): see <see cref="WorkspaceQueries"/>.
/// </summary>
internal static class WorkspaceBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var scale = options.Int("scale", 1000);
        var small = options.Int("small-scale", 10);
        var syncScale = options.Int("sync-scale", 20);
        var rounds = options.Int("rounds", 2);
        var replicas = options.String("replicas");
        var results = new Summary();

        if (rounds > 0)
        {
            await using var emulator = await EmulatorProcess.StartAsync(syncScale);
            var with = new List<Synced>();
            var without = new List<Synced>();
            for (var round = 0; round < rounds; round++)
            {
                with.Add(await SyncAllAsync(emulator, withIndexes: true, keep: false, again: true));
                without.Add(await SyncAllAsync(emulator, withIndexes: false, keep: false, again: true));
            }

            var best = with.MaxBy(s => s.RecordsPerSecond)!;
            var bare = without.MaxBy(s => s.RecordsPerSecond)!;
            results.Add($"sync all (full, KDFAC) at scale {syncScale}: {best.Records:N0} records, best of {rounds}");
            results.Add($"  with the workspace's indexes    {best.RecordsPerSecond,10:N0} records/s ({best.Seconds:F1} s), {best.Bytes / 1048576.0:N0} MB");
            results.Add($"  without                         {bare.RecordsPerSecond,10:N0} records/s ({bare.Seconds:F1} s), {bare.Bytes / 1048576.0:N0} MB");
            results.Add($"  with / without = {best.RecordsPerSecond / bare.RecordsPerSecond:F2} (goal >= 0.85); bytes {(double)best.Bytes / bare.Bytes:F3} (goal <= 1.15)");
            var again = with.Min(s => s.AgainSeconds);
            var bareAgain = without.Min(s => s.AgainSeconds);
            results.Add($"  the same full sync again over the synced replica: {again:F1} s with, {bareAgain:F1} s without: with / without = {bareAgain / again:F2}");
        }

        var timings = new Dictionary<int, IReadOnlyList<WorkspaceQueries.Timing>>();
        foreach (var at in new[] { small, scale })
        {
            var synced = await TimedReplicaAsync(at, replicas);
            try
            {
                results.Add($"scale {at} ({string.Join(", ", TimedEndpoints)}): {synced.Records:N0} records " +
                            (synced.Seconds > 0 ? $"synced in {synced.Seconds:F0} s, " : "kept from an earlier run, ") +
                            $"{new FileInfo(synced.Path).Length / 1048576.0:N0} MB");
                if (at == small)
                {
                    var (withBytes, withoutBytes, ftsBytes) = Sizes(synced.Path);
                    results.Add($"  replica (vacuumed) {withBytes / 1048576.0:N1} MB with the indexes, {withoutBytes / 1048576.0:N1} MB without: " +
                                $"{(double)withBytes / withoutBytes:F3} (goal <= 1.15); the full-text index alone {(double)(withoutBytes + ftsBytes) / withoutBytes:F3}");
                }

                timings[at] = WorkspaceQueries.Measure(ReplicaDatabase.At(synced.Path));
                foreach (var t in timings[at])
                {
                    results.Add($"  {t.Name,-52} p50 {t.P50,8:F2} ms   p95 {t.P95,8:F2} ms");
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (replicas is null)
                {
                    Directory.Delete(Path.GetDirectoryName(synced.Path)!, recursive: true);
                }
            }
        }

        results.Add($"scale {scale} / scale {small} (goal <= 3):");
        foreach (var (large, little) in timings[scale].Zip(timings[small]))
        {
            results.Add($"  {large.Name,-52} p50 {large.P50 / little.P50,6:F2}x   p95 {large.P95 / little.P95,6:F2}x");
        }

        Console.WriteLine();
        results.PrintAll();
        return 0;
    }

    /// <param name="AgainSeconds">A second full sync of the same records into the replica the first one filled (what a scheduled full sync does).</param>
    private sealed record Synced(string Path, long Records, double Seconds, long Bytes, double AgainSeconds = 0)
    {
        public double RecordsPerSecond => Records / Seconds;
    }

    private static readonly string[] TimedEndpoints = ["locations", "assets", "wodetail"];

    /// <summary>
    /// A replica of the timed kinds at <paramref name="scale"/>: synced from a new emulator, or, with
    /// <c>--replicas folder</c>, the one an earlier run kept there (building scale 1000 takes long).
    /// </summary>
    private static async Task<Synced> TimedReplicaAsync(int scale, string? replicas)
    {
        var kept = replicas is null ? null : Path.Combine(replicas, $"scale-{scale}", "maximo.db");
        if (kept is not null && File.Exists(kept))
        {
            var records = (long)Scalar(ReplicaDatabase.At(kept),
                $"SELECT COALESCE(SUM(records_fetched), 0) FROM sync_run WHERE endpoint IN ({string.Join(", ", TimedEndpoints.Select(e => $"'{e}'"))})")!;
            return new Synced(kept, records, 0, new FileInfo(kept).Length);
        }

        await using var emulator = await EmulatorProcess.StartAsync(scale);
        // The kinds the timed queries read; sync all at scale 1000 would fill more disk than a laptop has to spare.
        var synced = await SyncAllAsync(emulator, withIndexes: true, keep: true, TimedEndpoints);
        if (kept is null)
        {
            return synced;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        File.Move(synced.Path, kept);
        Directory.Delete(Path.GetDirectoryName(synced.Path)!, recursive: true);
        return synced with { Path = kept };
    }

    private static async Task<Synced> SyncAllAsync(EmulatorProcess emulator, bool withIndexes, bool keep, string[]? endpoints = null, bool again = false)
    {
        var folder = BenchRuns.NewFolder();
        var path = System.IO.Path.Combine(folder, "maximo.db");
        try
        {
            await using var services = SyncBenchmark.Services(emulator, path);
            var database = services.GetRequiredService<ReplicaDatabase>();
            await database.MigrateAsync();
            if (!withIndexes)
            {
                Execute(database, DropIndexesSql());
            }

            var sync = services.GetRequiredService<SyncService>();
            var (records, seconds) = await SyncAsync(sync, database, endpoints ?? ["all"]);
            var againSeconds = again ? (await SyncAsync(sync, database, endpoints ?? ["all"])).Seconds : 0;
            SqliteConnection.ClearAllPools();
            return new Synced(path, records, seconds, new FileInfo(path).Length, againSeconds);
        }
        finally
        {
            if (!keep)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<(long Records, double Seconds)> SyncAsync(SyncService sync, ReplicaDatabase database, string[] endpoints)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        long records = 0;
        foreach (var endpoint in endpoints)
        {
            var runId = await BenchRuns.FullSyncAsync(sync, endpoint);
            records += (long)Scalar(database, $"SELECT records_fetched FROM sync_run WHERE id = {runId}")!;
        }

        return (records, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The replica's bytes with every workspace index, without any, and of the full-text index alone: each a vacuumed copy.</summary>
    private static (long With, long Without, long Fts) Sizes(string path)
    {
        var database = ReplicaDatabase.At(path);
        long Copy(string dropSql)
        {
            var copy = path + ".copy";
            File.Delete(copy);
            Execute(database, $"VACUUM INTO '{copy}'");
            var vacuumed = ReplicaDatabase.At(copy);
            if (dropSql.Length > 0)
            {
                Execute(vacuumed, dropSql);
                Execute(vacuumed, "VACUUM");
            }

            SqliteConnection.ClearAllPools();
            var bytes = new FileInfo(copy).Length;
            File.Delete(copy);
            return bytes;
        }

        var with = Copy("");
        var without = Copy(DropIndexesSql());
        var withoutFts = Copy(SearchIndex.DropSql());
        return (with, without, with - withoutFts);
    }

    private static string DropIndexesSql() =>
        SearchIndex.DropSql() + string.Concat(WorkspaceIndexes.All.Select(i => $"DROP INDEX IF EXISTS \"{i.Name}\";\n"));

    private static void Execute(ReplicaDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(ReplicaDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Lines printed as they come, and all of them again at the end.</summary>
    private sealed class Summary
    {
        private readonly List<string> _lines = [];

        public void Add(string line)
        {
            Console.WriteLine(line);
            _lines.Add(line);
        }

        public void PrintAll() => _lines.ForEach(Console.WriteLine);
    }
}
