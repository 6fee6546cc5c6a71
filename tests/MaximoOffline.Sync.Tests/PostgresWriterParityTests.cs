using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MaximoOffline.Sync.Tests;

/// <summary>The emulator and a private PostgreSQL server (Debian's postgresql, started by the fixture) for the parity tests.</summary>
public sealed class EmulatorAndPostgres : EmulatorFixture
{
    public PostgresServer Postgres { get; } = new();

    public override async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

/// <summary>
/// The PostgreSQL replica writer against the SQLite one: the emulator's records of all six object
/// structures, page by page, written into both, give the same rows in every table, the same typed
/// values and the same <c>raw</c> (compared as JSON), the same counts; again after Maximo changed
/// records and dropped children.
/// </summary>
public sealed class PostgresWriterParityTests(EmulatorAndPostgres fixture) : IClassFixture<EmulatorAndPostgres>, IDisposable
{
    private const string Site = "KDFAC";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-parity", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AllSixObjectStructuresWrittenIntoPostgresAndSqliteGiveTheSameRowsValuesAndRaw()
    {
        var (sqlite, postgres) = await MigratedReplicasAsync("parity");
        await using var _ = postgres;

        var first = await WriteEverythingAsync(sqlite, postgres);
        Assert.True(first.Inserted > 1_000, "the emulator gave too few rows to compare");
        await AssertSameReplicaAsync(sqlite, postgres);

        // Maximo moves on: work orders change status, an asset loses its meters; the pages are written again.
        var workOrders = await fixture.AllAsync("MXAPIWODETAIL", "workorderid", "workorderid", $"siteid=\"{Site}\"");
        await fixture.ControlAsync("os/mxapiwodetail/set", new
        {
            ids = workOrders.Take(5).Select(w => w.GetProperty("workorderid").GetInt64()).ToArray(),
            set = new { status = "INPRG" },
        });
        var assets = await fixture.AllAsync("MXAPIASSET", "assetuid,assetmeter{*}", "assetuid", $"siteid=\"{Site}\"");
        var metered = assets.First(a => a.TryGetProperty("assetmeter", out var meters) && meters.GetArrayLength() > 0).GetProperty("assetuid").GetInt64();
        await fixture.ControlAsync("os/mxapiasset/children", new { id = metered, child = "assetmeter", action = "delete" });
        var again = await WriteEverythingAsync(sqlite, postgres);
        Assert.True(again.Updated > 1_000);
        await AssertSameReplicaAsync(sqlite, postgres);
    }

    [Fact]
    public async Task ANumberMaximoGaveANewRecordTakesOverOnBothEnginesAndAPageOfNewRowsIsCopiedIn()
    {
        var (sqlite, postgres) = await MigratedReplicasAsync("numbers");
        await using var _ = postgres;
        using var sqliteConnection = sqlite.OpenConnection();
        await using var postgresConnection = postgres.OpenConnection();
        using var sqliteWriter = new ReplicaWriter(sqliteConnection, ReplicaCatalog.Asset);
        using var postgresWriter = new PostgresReplicaWriter(postgresConnection, ReplicaCatalog.Asset);
        static JsonElement[] Page(params (long Id, string Number)[] assets) =>
            [.. assets.Select(a => JsonSerializer.SerializeToElement(new { assetuid = a.Id, assetnum = a.Number, siteid = Site, assetmeter = new[] { new { assetmeterid = a.Id * 10, metername = "RUNHOURS" } } }))];

        // New rows only: copied straight in on PostgreSQL.
        var first = Page((1, "P-1"), (2, "P-2"));
        Assert.Equal(sqliteWriter.WritePage(first).For("asset").ToString(), postgresWriter.WritePage(first).For("asset").ToString());
        // P-1 deleted in Maximo and created again under a new id: the copy of the new row clashes with the
        // live P-1, and the page is written again through the upsert, which retires the old row.
        var again = Page((3, "P-1"));
        var expected = sqliteWriter.WritePage(again);
        var actual = postgresWriter.WritePage(again);
        Assert.Equal(expected.For("asset").ToString(), actual.For("asset").ToString());
        Assert.Equal(1, actual.For("asset").Deleted);

        await AssertSameReplicaAsync(sqlite, postgres);
        await using var check = new NpgsqlCommand("SELECT string_agg(assetuid || ':' || (deleted_at IS NULL), ',' ORDER BY assetuid) FROM asset", postgresConnection);
        Assert.Equal("1:false,2:true,3:true", (string)(await check.ExecuteScalarAsync())!);
    }

    /// <summary>An empty, migrated replica on each engine, both named <paramref name="name"/>.</summary>
    private async Task<(ReplicaDatabase Sqlite, PostgresReplica Postgres)> MigratedReplicasAsync(string name)
    {
        Directory.CreateDirectory(_folder);
        var sqlite = ReplicaDatabase.At(Path.Combine(_folder, $"{name}.db"));
        await sqlite.MigrateAsync();
        var postgres = new PostgresReplica(await fixture.Postgres.CreateDatabaseAsync(name));
        await postgres.MigrateAsync();
        return (sqlite, postgres);
    }

    /// <summary>Writes every page of every endpoint into both replicas, and checks both writers counted the same.</summary>
    private async Task<(long Inserted, long Updated)> WriteEverythingAsync(ReplicaDatabase sqlite, PostgresReplica postgres)
    {
        long inserted = 0, updated = 0;
        using var sqliteConnection = sqlite.OpenConnection();
        await using var postgresConnection = postgres.OpenConnection();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var records = await fixture.AllAsync(endpoint.ObjectStructure, SelectClause.Build(endpoint.Root), endpoint.UniqueId,
                endpoint.Where(Site, new SyncOptions()), pageSize: 1000);
            using var sqliteWriter = new ReplicaWriter(sqliteConnection, endpoint.Root);
            using var postgresWriter = new PostgresReplicaWriter(postgresConnection, endpoint.Root);
            foreach (var page in records.Chunk(100))
            {
                var expected = sqliteWriter.WritePage(page, syncRunId: 1);
                var actual = postgresWriter.WritePage(page, syncRunId: 1);
                foreach (var (table, counts) in expected.Tables)
                {
                    Assert.Equal($"{table} {counts}", $"{table} {actual.For(table)}");
                    inserted += counts.Inserted;
                    updated += counts.Updated;
                }

                Assert.Equal(Describe(expected.UntypedAttributes), Describe(actual.UntypedAttributes));
            }
        }

        return (inserted, updated);
    }

    internal static async Task AssertSameReplicaAsync(ReplicaDatabase sqlite, PostgresReplica postgres)
    {
        foreach (var table in ReplicaCatalog.All)
        {
            var columns = table.Columns.Select(c => c.Name)
                .Concat(table.Owners.Select(table.OwnerColumn))
                .Append(ReplicaColumns.Rowstamp).Append(ReplicaColumns.DeletedAt + " IS NULL").ToList();
            var expected = ReadSqlite(sqlite, table, columns);
            var actual = await ReadPostgresAsync(postgres, table, columns);

            Assert.True(expected.Keys.ToHashSet().SetEquals(actual.Keys),
                $"{table.Name}: SQLite has {expected.Count} rows, PostgreSQL {actual.Count}; only in SQLite {string.Join(",", expected.Keys.Except(actual.Keys).Take(5))}; only in PostgreSQL {string.Join(",", actual.Keys.Except(expected.Keys).Take(5))}");
            foreach (var (key, (values, raw)) in expected)
            {
                var (otherValues, otherRaw) = actual[key];
                Assert.True(values.SequenceEqual(otherValues), $"{table.Name} {key}: ({string.Join(", ", values)}) vs ({string.Join(", ", otherValues)})");
                Assert.True(JsonNode.DeepEquals(Comparable(table, raw), Comparable(table, otherRaw)), $"{table.Name} {key}: raw differs\n{raw}\n{otherRaw}");
            }
        }
    }

    /// <summary>
    /// A row's raw as both replicas must have it. A shared reference (a person group, say) is listed under
    /// many parents, each listing with its own <c>localref</c> (the path through that parent); the row keeps
    /// the listing written last, and which page that is depends on the order pages come back in.
    /// </summary>
    private static JsonNode? Comparable(ReplicaTable table, string raw)
    {
        var node = JsonNode.Parse(raw);
        if (table.IsSharedReference && node is JsonObject record)
        {
            record.Remove("localref");
        }

        return node;
    }

    private static Dictionary<string, (string[] Values, string Raw)> ReadSqlite(ReplicaDatabase database, ReplicaTable table, List<string> columns)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(Quote))}, raw FROM \"{table.Name}\"";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (string[], string)>();
        while (reader.Read())
        {
            var values = Enumerable.Range(0, columns.Count).Select(i => Normal(reader.GetValue(i), Kind(table, columns[i]))).ToArray();
            rows[values[0]] = (values, reader.GetString(columns.Count));
        }

        return rows;
    }

    private static async Task<Dictionary<string, (string[] Values, string Raw)>> ReadPostgresAsync(PostgresReplica database, ReplicaTable table, List<string> columns)
    {
        await using var connection = database.OpenConnection();
        await using var command = new NpgsqlCommand($"SELECT {string.Join(", ", columns.Select(Quote))}, raw::text FROM \"{table.Name}\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (string[], string)>();
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(0, columns.Count).Select(i => Normal(reader.GetValue(i), Kind(table, columns[i]))).ToArray();
            rows[values[0]] = (values, reader.GetString(columns.Count));
        }

        return rows;
    }

    private static ColumnKind? Kind(ReplicaTable table, string column) => table.Columns.FirstOrDefault(c => c.Name == column)?.Kind;

    /// <summary>A value as text both databases agree on: dates as UTC text, flags and booleans as 0/1, numbers invariant.</summary>
    private static string Normal(object value, ColumnKind? kind) => value switch
    {
        DBNull => "null",
        DateTime date => date.ToUniversalTime().ToString(JsonValues.DateFormat, CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        long n when kind == ColumnKind.Flag => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string Describe(IReadOnlyDictionary<string, IReadOnlySet<string>> untyped) =>
        string.Join("; ", untyped.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}: {string.Join(",", u.Value.Order(StringComparer.Ordinal))}"));

    private static string Quote(string column) => column.Contains(' ', StringComparison.Ordinal) ? column.Replace("deleted_at", "\"deleted_at\"", StringComparison.Ordinal) : $"\"{column}\"";
}
