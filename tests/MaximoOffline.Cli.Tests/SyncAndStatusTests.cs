using System.Text.Json;

namespace MaximoOffline.Cli.Tests;

/// <summary><c>sync all</c> once against a scale-1 emulator, then the replica and <c>status --json</c> held up against it.</summary>
public sealed class SyncAndStatusTests(SyncAndStatusTests.Synced synced) : IClassFixture<SyncAndStatusTests.Synced>
{
    public sealed class Synced : CliFixture
    {
        public ProcessResult Sync { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Sync = await RunAsync(Settings(), "sync", "all", "--db-path", DatabasePath);
        }
    }

    // Each endpoint's main table, its object structure and its default filter for site KDFAC,
    // written out here rather than taken from the engine.
    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "maxdomain", "MXAPIDOMAIN", null },
        { "person", "MXAPIPERUSER", null },
        { "locations", "MXAPILOCATIONS", "siteid=\"KDFAC\"" },
        { "asset", "MXAPIASSET", "siteid=\"KDFAC\"" },
        { "workorder", "MXAPIWODETAIL", "siteid=\"KDFAC\" and historyflag=0 and status in [\"WAPPR\",\"APPR\",\"INPRG\",\"ASSIGN\",\"WMATL\"]" },
        { "inventory", "MXAPIINVENTORY", "siteid=\"KDFAC\"" },
    };

    [Fact]
    public void SyncAllExitsZeroAndPrintsASummaryOfEveryTable()
    {
        Assert.True(synced.Sync.ExitCode == 0, synced.Sync.ToString());
        Assert.Contains("Sync all Succeeded", synced.Sync.Stdout, StringComparison.Ordinal);
        foreach (var table in new[] { "maxdomain", "alndomain", "person", "groupuser", "locations", "asset", "assetmeter", "workorder", "inventory", "invbalances" })
        {
            Assert.Matches($@"│ {table}\s+│\s+[\d,]+ │", synced.Sync.Stdout);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EachEndpointsTableHoldsAsManyRowsAsTheEmulatorCounts(string table, string objectStructure, string? where)
    {
        Assert.Equal(0, synced.Sync.ExitCode);
        var expected = await synced.CountAsync(objectStructure, where);
        Assert.True(expected > 0);
        Assert.Equal(expected, synced.LiveRows(table));
    }

    [Fact]
    public async Task StatusJsonParsesAndAgreesWithTheDatabase()
    {
        var status = await synced.RunAsync(new Dictionary<string, string>(), "status", "--json", "--db-path", synced.DatabasePath);

        Assert.True(status.ExitCode == 0, status.ToString());
        using var json = JsonDocument.Parse(status.Stdout);
        var tables = json.RootElement.GetProperty("tables").EnumerateObject().ToList();
        Assert.Equal(33, tables.Count);
        foreach (var table in tables)
        {
            Assert.Equal(synced.LiveRows(table.Name), table.Value.GetInt64());
        }

        var endpoints = json.RootElement.GetProperty("endpoints").EnumerateArray().ToList();
        Assert.Equal(["domain", "peruser", "locations", "assets", "wodetail", "inventory"], endpoints.Select(e => e.GetProperty("slug").GetString()));
        foreach (var endpoint in endpoints)
        {
            var run = endpoint.GetProperty("lastRun");
            var id = run.GetProperty("id").GetInt64();
            Assert.Equal(synced.Scalar($"SELECT status FROM sync_run WHERE id = {id}"), run.GetProperty("status").GetString());
            Assert.Equal(synced.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {id}"), run.GetProperty("records").GetInt64());
            Assert.Equal(synced.Scalar($"SELECT MAX(id) FROM sync_run WHERE endpoint = '{endpoint.GetProperty("slug").GetString()}'"), id);
            Assert.Equal(synced.LiveRows(endpoint.GetProperty("table").GetString()!), endpoint.GetProperty("rows").GetInt64());
            Assert.Equal("Succeeded", run.GetProperty("status").GetString());
            // The first sync of an endpoint reads everything: its children are as of that run.
            Assert.Equal(JsonValueKind.String, endpoint.GetProperty("childrenAsOf").ValueKind);
        }

        Assert.Equal(synced.Scalar("SELECT MAX(id) FROM sync_run WHERE endpoint = 'all'"), json.RootElement.GetProperty("lastAllRun").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task StatusOfAMissingReplicaSaysSoAndExitsOne()
    {
        var missing = Path.Combine(synced.Folder, "nothing-here.db");

        var status = await synced.RunAsync(new Dictionary<string, string>(), "status", "--db-path", missing);

        Assert.True(status.ExitCode == 1, status.ToString());
        Assert.Contains(missing, status.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
