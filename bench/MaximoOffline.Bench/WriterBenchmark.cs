using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Data.Writing;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Bench;

/// <summary>
/// Writes N assets with C meters each into a fresh replica file twice: through the
/// <see cref="ReplicaWriter"/> (JSON in, upserts, child replacement, counts) and through a bare
/// prepared-INSERT loop fed with values extracted beforehand (the floor SQLite allows). Both commit
/// once per page of the same size. Prints rows/s for both and the writer's share of the bare rate.
/// With <c>--postgres "Host=…;Database=…"</c> (an empty database the benchmark may fill), the same
/// pages also go through the PostgreSQL writer into it, and PostgreSQL ÷ SQLite is printed (goal ≥ 0.7).
/// </summary>
internal static class WriterBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var parents = options.Int("parents", 100_000);
        var children = options.Int("children", 3);
        var pageSize = options.Int("page-size", 500);
        var rounds = options.Int("rounds", 2);
        var postgres = options.String("postgres");

        Console.WriteLine($"writer benchmark: {parents:N0} assets x {children} meters, pages of {pageSize}, {rounds} round(s)");
        var pages = WriterPage.Generate(parents, children, pageSize);
        var rows = (long)parents * (children + 1);

        var writerRates = new List<double>();
        var bareRates = new List<double>();
        var postgresRates = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            // The bare loop writes a row a statement, so the search index's triggers would flush an index
            // segment per row (the writer keeps the index itself, a page at a time): it writes without one.
            var bare = await TimeAsync(db => BareInsert(db, pages), SearchIndex.DropSql());
            var writer = await TimeAsync(db => WriteThroughWriter(db, pages));
            bareRates.Add(rows / bare.TotalSeconds);
            writerRates.Add(rows / writer.TotalSeconds);
            Console.WriteLine($"  round {round}: bare insert {rows / bare.TotalSeconds,12:N0} rows/s ({bare.TotalSeconds:F2} s)   " +
                              $"writer {rows / writer.TotalSeconds,12:N0} rows/s ({writer.TotalSeconds:F2} s)   " +
                              $"ratio {bare.TotalSeconds / writer.TotalSeconds:P0}");
            if (postgres is not null)
            {
                var onPostgres = await PostgresWriterTiming.TimeAsync(postgres, pages.Select(p => p.Records).ToList());
                postgresRates.Add(rows / onPostgres.TotalSeconds);
                Console.WriteLine($"           PostgreSQL writer {rows / onPostgres.TotalSeconds,12:N0} rows/s ({onPostgres.TotalSeconds:F2} s)   " +
                                  $"PostgreSQL/SQLite {writer.TotalSeconds / onPostgres.TotalSeconds:F2}");
            }
        }

        if (postgres is not null)
        {
            Console.WriteLine($"best: PostgreSQL writer {postgresRates.Max():N0} rows/s, SQLite writer {writerRates.Max():N0} rows/s, " +
                              $"PostgreSQL/SQLite = {postgresRates.Max() / writerRates.Max():F2} (goal >= 0.7)");
        }

        var bestBare = bareRates.Max();
        var bestWriter = writerRates.Max();
        var ratio = bestWriter / bestBare;
        Console.WriteLine($"best: bare insert {bestBare:N0} rows/s, writer {bestWriter:N0} rows/s, writer/bare = {ratio:P0} (target >= 50%)");
        return ratio >= 0.5 ? 0 : 1;
    }

    private static async Task<TimeSpan> TimeAsync(Action<ReplicaDatabase> write, string? setupSql = null)
    {
        var folder = BenchRuns.NewFolder();
        try
        {
            var database = ReplicaDatabase.At(Path.Combine(folder, "maximo.db"));
            await database.MigrateAsync();
            if (setupSql is not null)
            {
                using var connection = database.OpenConnection();
                using var setup = connection.CreateCommand();
                setup.CommandText = setupSql;
                setup.ExecuteNonQuery();
            }

            GC.Collect();
            var clock = Stopwatch.StartNew();
            write(database);
            return clock.Elapsed;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteThroughWriter(ReplicaDatabase database, List<WriterPage> pages)
    {
        using var connection = database.OpenConnection();
        using var writer = new ReplicaWriter(connection, ReplicaCatalog.Asset, new HashSet<string> { "assetmeter" });
        foreach (var page in pages)
        {
            writer.WritePage(page.Records, syncRunId: 1);
        }
    }

    private static void BareInsert(ReplicaDatabase database, List<WriterPage> pages)
    {
        using var connection = database.OpenConnection();
        using var asset = InsertCommand(connection, ReplicaCatalog.Asset, owner: null);
        using var meter = InsertCommand(connection, ReplicaCatalog.AssetMeter, owner: ReplicaCatalog.Asset);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var page in pages)
        {
            using var transaction = connection.BeginTransaction();
            asset.Transaction = transaction;
            meter.Transaction = transaction;
            foreach (var row in page.Assets)
            {
                Execute(asset, row, now);
            }

            foreach (var row in page.Meters)
            {
                Execute(meter, row, now);
            }

            transaction.Commit();
        }
    }

    private static void Execute(SqliteCommand command, object[] values, string now)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i];
        }

        parameters[values.Length].Value = now;
        parameters[values.Length + 1].Value = 1L;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand InsertCommand(SqliteConnection connection, ReplicaTable table, ReplicaTable? owner)
    {
        var columns = table.Columns.Select(c => c.Name).ToList();
        if (owner is not null)
        {
            columns.Add(table.OwnerColumn(owner));
        }

        columns.AddRange([ReplicaColumns.Rowstamp, ReplicaColumns.Raw, ReplicaColumns.SyncedAt, ReplicaColumns.SyncRunId]);
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        }

        return command;
    }
}
