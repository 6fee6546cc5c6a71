using System.Diagnostics;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MaximoOffline.Bench;

/// <summary>
/// The team server's engine, measured side by side in one run against the same emulator (its own process):
/// 1. sync all end to end into PostgreSQL vs into SQLite (records/s; goal PostgreSQL / SQLite >= 0.7);
/// 2. the six endpoints synced by two engines on one PostgreSQL database (as two nodes, each running
///    half of them at the same time) vs by one engine (elapsed, two / one).
/// Usage: team --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=bench" [--scale 10] [--rounds 2]
/// (the database named is dropped and created again for each measurement).
/// </summary>
internal static class TeamBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var postgres = options.String("postgres") ?? throw new ArgumentException("--postgres <connection string> is required");
        var scale = options.Int("scale", 10);
        var rounds = options.Int("rounds", 2);
        await using var emulator = await EmulatorProcess.StartAsync(scale);
        var lines = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            var sqlite = await SyncAllAsync(emulator, null);
            var onPostgres = await SyncAllAsync(emulator, await FreshDatabaseAsync(postgres));
            var oneNode = await EndpointsAsync(emulator, await FreshDatabaseAsync(postgres), engines: 1);
            var twoNodes = await EndpointsAsync(emulator, await FreshDatabaseAsync(postgres), engines: 2);
            lines.Add($"round {round}, scale {scale}: sync all {sqlite.Records:N0} records");
            lines.Add($"  SQLite      {sqlite.Records / sqlite.Seconds,10:N0} records/s ({sqlite.Seconds:F1} s)");
            lines.Add($"  PostgreSQL  {onPostgres.Records / onPostgres.Seconds,10:N0} records/s ({onPostgres.Seconds:F1} s)");
            lines.Add($"  PostgreSQL / SQLite = {sqlite.Seconds / onPostgres.Seconds:F2} (goal >= 0.7)");
            lines.Add($"  six endpoints on PostgreSQL: one engine {oneNode:F1} s, two engines {twoNodes:F1} s, two / one = {twoNodes / oneNode:F2}");
            Console.WriteLine(string.Join(Environment.NewLine, lines.TakeLast(5)));
        }

        Console.WriteLine();
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        return 0;
    }

    private sealed record Measured(long Records, double Seconds);

    private static async Task<Measured> SyncAllAsync(EmulatorProcess emulator, string? postgres)
    {
        var folder = BenchRuns.NewFolder();
        try
        {
            await using var services = SyncBenchmark.Services(emulator, Path.Combine(folder, "maximo.db"), Settings(postgres));
            var store = services.GetRequiredService<ReplicaStore>();
            await store.MigrateAsync();
            var clock = Stopwatch.StartNew();
            var runId = await BenchRuns.FullSyncAsync(services.GetRequiredService<SyncService>(), "all");
            clock.Stop();
            using var connection = store.OpenConnection();
            using var command = ReplicaCommands.Create(connection, null, "SELECT records_fetched FROM sync_run WHERE id = @id", ("@id", runId));
            return new Measured((long)command.ExecuteScalar()!, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The six endpoints' full syncs shared out among <paramref name="engines"/> engines on one database, which run theirs one after another, all engines at once.</summary>
    private static async Task<double> EndpointsAsync(EmulatorProcess emulator, string postgres, int engines)
    {
        var nodes = Enumerable.Range(0, engines).Select(_ => SyncBenchmark.Services(emulator, "unused.db", Settings(postgres))).ToList();
        try
        {
            await nodes[0].GetRequiredService<ReplicaStore>().MigrateAsync();
            var slugs = EndpointCatalog.DependencyOrder.Select(e => e.Slug).ToList();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(nodes.Select(async (node, i) =>
            {
                foreach (var slug in slugs.Where((_, k) => k % engines == i))
                {
                    await BenchRuns.FullSyncAsync(node.GetRequiredService<SyncService>(), slug);
                }
            }));
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
        }
    }

    private static Dictionary<string, string?>? Settings(string? postgres) => postgres is null ? null : new()
    {
        ["Replica:Provider"] = "Postgres",
        ["ConnectionStrings:Replica"] = postgres,
    };

    private static async Task<string> FreshDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? "bench";
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return target.ConnectionString;
    }
}
