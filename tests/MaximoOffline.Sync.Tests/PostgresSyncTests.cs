using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Sync.Tests;

/// <summary>
/// The whole engine on a PostgreSQL replica (<c>Replica:Provider=Postgres</c>): full and incremental
/// syncs of all six endpoints give what the same syncs give on SQLite, and two engines on one database
/// (as two nodes of a team server are) share one run queue.
/// </summary>
public sealed class PostgresSyncTests(EmulatorAndPostgres fixture) : IClassFixture<EmulatorAndPostgres>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.RestoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Dictionary<string, string?>> PostgresSettingsAsync(string database) => new()
    {
        ["Replica:Provider"] = "Postgres",
        ["ConnectionStrings:Replica"] = await fixture.Postgres.CreateDatabaseAsync(database),
    };

    [Fact]
    public async Task FullThenIncrementalSyncOfAllSixEndpointsGiveTheSameReplicaOnPostgresAsOnSqlite()
    {
        await using var sqlite = await SyncHarness.StartAsync(fixture);
        await using var postgres = await SyncHarness.StartAsync(fixture, await PostgresSettingsAsync("engine"));
        Assert.Equal(ReplicaProvider.Postgres, postgres.Database.Provider);

        var (sqliteRun, sqliteStatus) = await sqlite.RunAsync("all");
        var (postgresRun, postgresStatus) = await postgres.RunAsync("all");
        Assert.Equal(SyncRunStatus.Succeeded, sqliteStatus);
        Assert.Equal(SyncRunStatus.Succeeded, postgresStatus);
        Assert.Equal(EndpointCatalog.Slugs.Select(s => s + ":Succeeded"),
            postgres.Column<string>($"SELECT endpoint || ':' || status FROM sync_run WHERE parent_run_id = {postgresRun} ORDER BY id"));
        await PostgresWriterParityTests.AssertSameReplicaAsync((ReplicaDatabase)sqlite.Database, (PostgresReplica)postgres.Database);
        Assert.Equal(sqlite.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {sqliteRun}"),
            postgres.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {postgresRun}"));
        AssertLogNumberedWithoutGaps(postgres, postgresRun);

        // Maximo moves on: work orders close (they leave the filter), another changes and stays open.
        var open = postgres.Column<long>("SELECT workorderid FROM workorder WHERE deleted_at IS NULL ORDER BY workorderid LIMIT 4");
        await fixture.ControlAsync("os/mxapiwodetail/set", new { ids = open.Take(3), set = new { status = "CLOSE", historyflag = true } });
        await fixture.ControlAsync("os/mxapiwodetail/set", new { ids = open.Skip(3), set = new { description = "Seal replaced, still open" } });
        var (_, sqliteAgain) = await sqlite.RunAsync("wodetail");
        var (incremental, postgresAgain) = await postgres.RunAsync("wodetail");
        Assert.Equal(SyncRunStatus.Succeeded, sqliteAgain);
        Assert.Equal(SyncRunStatus.Succeeded, postgresAgain);
        Assert.Equal("Incremental", postgres.Scalar("SELECT mode FROM sync_run WHERE id = @id", ("@id", incremental)));
        Assert.Equal(3L, postgres.Scalar("SELECT COUNT(*) FROM workorder WHERE deleted_at IS NOT NULL AND workorderid = ANY(@ids)", ("@ids", open.ToArray())));
        await PostgresWriterParityTests.AssertSameReplicaAsync((ReplicaDatabase)sqlite.Database, (PostgresReplica)postgres.Database);
    }

    [Fact]
    public async Task TwentyConcurrentRequestsThroughTwoEnginesOnOneDatabaseQueueOneRunPerEndpoint()
    {
        var settings = await PostgresSettingsAsync("queue");
        await using var nodeA = await SyncHarness.StartAsync(fixture, settings);
        await using var nodeB = await SyncHarness.StartAsync(fixture, settings);

        var slugs = EndpointCatalog.Slugs.ToArray();
        var requests = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? nodeA : nodeB).Sync.RequestAsync(new SyncRequest(slugs[i % slugs.Length], Trigger: SyncTrigger.Api))));
        var starts = await Task.WhenAll(requests);

        Assert.Equal(slugs.Length, starts.Count(s => !s.AlreadyRunning));
        foreach (var group in starts.GroupBy(s => s.Endpoint))
        {
            Assert.Single(group.Select(s => s.RunId).Distinct());
        }

        Assert.Equal((long)slugs.Length, nodeA.Scalar("SELECT COUNT(*) FROM sync_run WHERE status = 'Queued'"));

        // A run queued through one node is cancelled through the other.
        var assets = starts.First(s => s.Endpoint == "assets").RunId;
        Assert.Equal(SyncRunStatus.Cancelled, nodeB.Sync.Cancel(assets, "a planner"));
        Assert.Equal("a planner", nodeA.Scalar("SELECT cancelled_by FROM sync_run WHERE id = @id", ("@id", assets)));
    }

    [Fact]
    public async Task ARunExecutingOnOneEngineStopsWhenItIsCancelledThroughTheOther()
    {
        var settings = await PostgresSettingsAsync("cancel");
        await using var nodeA = await SyncHarness.StartAsync(fixture, settings);
        await using var nodeB = await SyncHarness.StartAsync(fixture, settings);
        var gate = await PageGate.CloseAsync(fixture.Http, "/os/mxapiasset", count: 1);

        var start = await nodeA.Sync.RequestAsync(new SyncRequest("assets", Trigger: SyncTrigger.Api));
        var running = nodeA.Sync.ExecuteAsync(start.RunId);
        await gate.ReachedAsync();
        try
        {
            // Node A learns of the cancel from the database (it is not its own request) and stops the held read.
            nodeB.Sync.Cancel(start.RunId, "an operator");
            Assert.Equal(SyncRunStatus.Cancelled, await running.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            await gate.OpenAsync();
        }

        AssertLogNumberedWithoutGaps(nodeA, start.RunId);
    }

    private static void AssertLogNumberedWithoutGaps(SyncHarness harness, long runId)
    {
        var runs = harness.Column<long>($"SELECT id FROM sync_run WHERE id = {runId} OR parent_run_id = {runId}");
        foreach (var run in runs)
        {
            var seqs = harness.Column<long>($"SELECT seq FROM sync_log WHERE run_id = {run} ORDER BY seq");
            Assert.NotEmpty(seqs);
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        }
    }
}
