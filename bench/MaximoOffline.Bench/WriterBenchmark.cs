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
        var pages = Generate(parents, children, pageSize);
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
                var onPostgres = await TimePostgresAsync(postgres, pages);
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

    /// <summary>The PostgreSQL writer into a freshly migrated schema of <paramref name="connectionString"/>'s database.</summary>
    private static async Task<TimeSpan> TimePostgresAsync(string connectionString, List<Page> pages)
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
            writer.WritePage(page.Records, syncRunId: 1);
        }

        // What a run does once its pages are in (statistics of the tables it filled) counts too.
        writer.Settle();
        return clock.Elapsed;
    }

    private static void WriteThroughWriter(ReplicaDatabase database, List<Page> pages)
    {
        using var connection = database.OpenConnection();
        using var writer = new ReplicaWriter(connection, ReplicaCatalog.Asset, new HashSet<string> { "assetmeter" });
        foreach (var page in pages)
        {
            writer.WritePage(page.Records, syncRunId: 1);
        }
    }

    private static void BareInsert(ReplicaDatabase database, List<Page> pages)
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

    private sealed record Page(IReadOnlyList<JsonElement> Records, List<object[]> Assets, List<object[]> Meters);

    /// <summary>
    /// Asset records shaped like a real server's (about 40 attributes, custom ones included), as
    /// parsed JSON for the writer and as column values (typed columns, owner, rowstamp, raw) for the
    /// bare loop.
    /// </summary>
    private static List<Page> Generate(int parents, int children, int pageSize)
    {
        var pages = new List<Page>();
        var buffer = new ArrayBufferWriter<byte>();
        for (var start = 0; start < parents; start += pageSize)
        {
            var count = Math.Min(pageSize, parents - start);
            buffer.ResetWrittenCount();
            var assets = new List<object[]>(count);
            var meters = new List<object[]>(count * children);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (var i = start; i < start + count; i++)
                {
                    WriteAsset(json, i, children, assets, meters);
                }

                json.WriteEndArray();
            }

            var document = JsonDocument.Parse(buffer.WrittenMemory.ToArray());
            pages.Add(new Page([.. document.RootElement.EnumerateArray()], assets, meters));
        }

        return pages;
    }

    private static void WriteAsset(Utf8JsonWriter json, int i, int children, List<object[]> assets, List<object[]> meters)
    {
        long uid = 1000 + i;
        var assetnum = "A" + i.ToString("D7", CultureInfo.InvariantCulture);
        var changed = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(-5)).AddMinutes(i);
        var fields = new (string Name, object Value)[]
        {
            ("assetuid", uid), ("assetnum", assetnum), ("siteid", "KDFAC"), ("orgid", "EAGLENA"),
            ("description", $"Centrifugal pump {i} - north pump house"), ("status", "OPERATING"),
            ("status_description", "Operating"), ("location", "BR" + (i % 171).ToString("D3", CultureInfo.InvariantCulture)),
            ("parent", i % 10 == 0 ? "" : "A" + (i - i % 10).ToString("D7", CultureInfo.InvariantCulture)),
            ("assettype", "PUMP"), ("serialnum", "SN-" + (i * 7919).ToString(CultureInfo.InvariantCulture)),
            ("manufacturer", "GRUNDFOS"), ("vendor", "V1001"), ("priority", (long)(i % 5)),
            ("purchaseprice", 1000.0 + i % 997), ("totalcost", 250.25 * (i % 13)), ("isrunning", true), ("disabled", false),
            ("changedate", changed.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)), ("changeby", "MAXADMIN"),
            ("installdate", "2019-07-15T08:30:00-04:00"), ("statusdate", "2020-01-02T09:00:00-05:00"),
            ("ex_criticality", "HIGH"), ("ex_area", "NORTH"), ("plusccomment", "Inspected quarterly"),
            ("plusclastinsp", "2024-02-01T00:00:00-05:00"), ("kd_costcenter", "CC-4410"), ("kd_zone", (long)(i % 12)),
            ("budgetcost", 0.0), ("replacecost", 15000.0), ("ytdcost", 12.5), ("moved", false), ("mainthierchy", false),
            ("groupname", "PUMPS"), ("assetid", (long)(uid + 7)), ("calnum", "DAY"), ("itemsetid", "SET1"), ("langcode", "EN"),
            ("_rowstamp", (uid * 3).ToString(CultureInfo.InvariantCulture)),
            ("href", $"http://host/maximo/api/os/mxapiasset/_{Convert.ToBase64String(Encoding.UTF8.GetBytes(assetnum + "/KDFAC"))}"),
        };

        json.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            WriteValue(json, name, value);
        }

        json.WriteStartArray("assetmeter");
        for (var m = 0; m < children; m++)
        {
            long meterId = uid * 10 + m;
            var meter = new (string Name, object Value)[]
            {
                ("assetmeterid", meterId), ("assetnum", assetnum), ("siteid", "KDFAC"), ("metername", "M" + m),
                ("lastreading", (i % 1000).ToString(CultureInfo.InvariantCulture)), ("active", true), ("average", 1.5),
                ("lastreadingdate", "2024-02-28T23:15:00+01:00"), ("_rowstamp", (meterId * 3).ToString(CultureInfo.InvariantCulture)),
                ("localref", $"http://host/maximo/api/os/mxapiasset/_x/assetmeter/{m}-{meterId}"),
            };
            json.WriteStartObject();
            foreach (var (name, value) in meter)
            {
                WriteValue(json, name, value);
            }

            json.WriteEndObject();
            meters.Add(BareValues(ReplicaCatalog.AssetMeter, meter, ownerKey: uid));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        assets.Add(BareValues(ReplicaCatalog.Asset, fields, ownerKey: null));
    }

    /// <summary>The values the bare loop binds: typed columns, owner key, rowstamp, raw (without child arrays).</summary>
    private static object[] BareValues(ReplicaTable table, (string Name, object Value)[] fields, long? ownerKey)
    {
        var values = new List<object>();
        foreach (var column in table.Columns)
        {
            var value = fields.FirstOrDefault(f => f.Name == column.Name).Value;
            values.Add(value switch
            {
                null => DBNull.Value,
                bool b => b ? 1L : 0L,
                string s when column.Kind == ColumnKind.Date =>
                    DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                _ => value,
            });
        }

        if (ownerKey is not null)
        {
            values.Add(ownerKey.Value);
        }

        values.Add(long.Parse((string)fields.First(f => f.Name == "_rowstamp").Value, CultureInfo.InvariantCulture));
        var raw = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(raw))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                WriteValue(json, name, value);
            }

            json.WriteEndObject();
        }

        values.Add(Encoding.UTF8.GetString(raw.WrittenSpan));
        return [.. values];
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case string s: json.WriteString(name, s); break;
            case long l: json.WriteNumber(name, l); break;
            case double d: json.WriteNumber(name, d); break;
            case bool b: json.WriteBoolean(name, b); break;
            default: throw new ArgumentOutOfRangeException(nameof(value), value, null);
        }
    }
}
