using System.Diagnostics;
using System.Text.Json;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;

namespace MaximoOffline.Bench;

/// <summary>The writer benchmark's PostgreSQL side: the same pages through <see cref="PostgresReplicaWriter"/>.</summary>
internal static class PostgresWriterTiming
{
    /// <summary>The PostgreSQL writer into a freshly migrated schema of <paramref name="connectionString"/>'s database.</summary>
    public static async Task<TimeSpan> TimeAsync(string connectionString, List<IReadOnlyList<JsonElement>> pages)
    {
        await using (var reset = new Npgsql.NpgsqlConnection(connectionString))
        {
            await reset.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", reset);
            await drop.ExecuteNonQueryAsync();
        }

        await using var replica = new PostgresReplica(connectionString);
        await replica.MigrateAsync();
        await using var connection = replica.OpenConnection();
        using var writer = new PostgresReplicaWriter(connection, ReplicaCatalog.Asset, new HashSet<string> { "assetmeter" });
        GC.Collect();
        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            writer.WritePage(page, syncRunId: 1);
        }

        // What a run does once its pages are in (statistics of the tables it filled) counts too.
        writer.Settle();
        return clock.Elapsed;
    }
}
