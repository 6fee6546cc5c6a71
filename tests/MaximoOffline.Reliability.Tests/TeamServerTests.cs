using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Reliability.Tests.Support;
using MaximoOffline.Sync.Endpoints;
using Microsoft.Playwright;

namespace MaximoOffline.Reliability.Tests;

/// <summary>
/// Two app nodes as separate processes on one PostgreSQL and one Redis (started by the fixture from
/// Debian's packages, as .ci/run installs them): one run per endpoint however many nodes are asked,
/// a browser on one node watching a run the other executes, and a node killed mid-sync.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TeamServerTests(TeamServerFixture team) : IClassFixture<TeamServerFixture>
{
    [Fact]
    public async Task BothNodesReportTheirDatabaseRedisAndJobServer()
    {
        foreach (var index in new[] { 0, 1 })
        {
            var node = await team.NodeAsync(index);
            var health = await node.Http.GetFromJsonAsync<JsonElement>(new Uri("healthz", UriKind.Relative));
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            Assert.EndsWith($"/{node.Process.Id}", health.GetProperty("node").GetString(), StringComparison.Ordinal);
            var checks = health.GetProperty("checks");
            Assert.StartsWith("Replica (Postgres) at 'team' on 127.0.0.1:", checks.GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.StartsWith($"Redis at 127.0.0.1:{team.Redis.Port} answers", checks.GetProperty("redis").GetProperty("description").GetString(), StringComparison.Ordinal);
            // Both nodes' job servers (and, for two minutes, that of a node a test killed).
            Assert.Matches(@"^This node's job server runs 3 worker\(s\); [2-9] job server\(s\) in all$", checks.GetProperty("jobs").GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task TwentyConcurrentRequestsOverBothNodesStartOneRunPerEndpointEachExecutedOnOneNode()
    {
        var nodes = new[] { await team.NodeAsync(0), await team.NodeAsync(1) };
        var gate = await PageGate.CloseAsync(team.Http, "/os/"); // every read waits until all twenty requests are in
        var slugs = EndpointCatalog.Slugs.ToArray();
        List<(string Slug, HttpStatusCode Status, long RunId)> answers;
        try
        {
            answers = [.. await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            {
                var slug = slugs[i % slugs.Length];
                using var response = await nodes[i % 2].Http.PostAsJsonAsync(new Uri($"api/sync/{slug}", UriKind.Relative), new { full = true });
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (slug, response.StatusCode, body.GetProperty("runId").GetInt64());
            }))];
        }
        finally
        {
            await gate.OpenAsync();
        }

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"{a.Slug}: {a.Status}"));
        var statuses = await team.ColumnAsync<string>("SELECT id || ' ' || endpoint || ' ' || status || ' ' || COALESCE(error, '') FROM sync_run ORDER BY id");
        Assert.True(slugs.Length == answers.Count(a => a.Status == HttpStatusCode.Accepted),
            $"{string.Join("; ", answers)}\nruns: {string.Join("\n", statuses)}");
        var runs = answers.GroupBy(a => a.Slug).ToDictionary(g => g.Key, g => Assert.Single(g.Select(a => a.RunId).Distinct()));

        foreach (var (slug, runId) in runs)
        {
            await Wait.UntilAsync(async () => await nodes[0].StatusAsync(runId) is not ("Queued" or "Running"), TimeSpan.FromMinutes(3), () => $"run {runId} of {slug} to end");
            Assert.Equal("Succeeded", await nodes[1].StatusAsync(runId));
            // Executed once, on one node: one opening line, and its owner is one of the two.
            Assert.Equal(1L, await team.ScalarAsync<long>("SELECT COUNT(*) FROM sync_log WHERE run_id = @id AND message LIKE 'Full sync of %'", ("id", runId)));
            Assert.Contains(await team.OwnerPidAsync(runId), nodes.Select(n => n.Process.Id));
        }

        Assert.Empty(await team.DifferencesAsync(slugs));
    }

    [Fact]
    public async Task ABrowserOnOneNodeShowsLiveTheLogOfARunTheOtherNodeExecutes()
    {
        var nodeA = await team.NodeAsync(0);
        await team.NodeAsync(1);
        var gate = await PageGate.CloseAsync(team.Http, "/os/mxapiasset", count: 1);
        var runId = await nodeA.StartSyncAsync("assets", TeamServerFixture.Site);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            await gate.ReachedAsync();
            var (running, watcher) = await team.ByProcessAsync(await team.OwnerPidAsync(runId));
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(watcher.Http.BaseAddress!, $"sync?run={runId}").ToString());
            var lines = page.Locator("#log li");
            await Assertions.Expect(lines.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var before = await lines.CountAsync();

            // The run goes on on the other node; its lines reach this page as they are written, through Redis.
            await gate.OpenAsync();
            try
            {
                await Assertions.Expect(lines.Filter(new() { HasTextString = "Done:" })).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            }
            catch (PlaywrightException e)
            {
                var written = string.Join("\n", await team.ColumnAsync<string>($"SELECT seq || ' ' || message FROM sync_log WHERE run_id = {runId} ORDER BY seq"));
                throw new Xunit.Sdk.XunitException($"{e.Message}\nrun {runId}: {await watcher.StatusAsync(runId)}\npage:\n{await page.Locator("#log").InnerTextAsync()}\nstored:\n{written}\nwatcher's output:\n{watcher.Process.Output[^Math.Min(6000, watcher.Process.Output.Length)..]}");
            }
            Assert.True(await lines.CountAsync() > before, "lines kept arriving");
            var shown = await lines.EvaluateAllAsync<long[]>("items => items.map(li => Number(li.dataset.seq))");
            var stored = await team.ScalarAsync<long>("SELECT COUNT(*) FROM sync_log WHERE run_id = @id", ("id", runId));
            Assert.Equal(Enumerable.Range(1, (int)stored).Select(i => (long)i), shown);
            Assert.NotEqual(watcher.Process.Id, running.Process.Id);
        }
        finally
        {
            await gate.OpenAsync();
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task KillingTheNodeThatRunsASyncLeavesTheReplicaConsistentAndTheOtherNodeFinishesTheWork()
    {
        var (runId, survivor) = await StopTheNodeRunningASyncAsync(running =>
        {
            running.Process.KillHard();
            return Task.CompletedTask;
        });

        // A request for another endpoint on the survivor often notices the dead node before the survivor's
        // own look does; either way the survivor marks the run Interrupted and syncs the endpoint again by itself.
        using (var other = await survivor.Http.PostAsJsonAsync(new Uri("api/sync/domain", UriKind.Relative), new { full = true }))
        {
            Assert.True(other.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"POST /api/sync/domain: {other.StatusCode}");
        }

        await Wait.UntilAsync(async () => await survivor.StatusAsync(runId) == "Interrupted", TimeSpan.FromMinutes(1), () => $"run {runId} to be interrupted");
        var recovery = await SyncedAgainAsync($"recovery of run {runId}", by: survivor);

        // The history says what happened.
        var statuses = (await HistoryAsync(survivor)).ToDictionary(r => r.GetProperty("id").GetInt64(), r => r.GetProperty("status").GetString());
        Assert.Equal("Interrupted", statuses[runId]);
        Assert.Equal("Succeeded", statuses[recovery]);
    }

    [Fact]
    public async Task StoppingTheNodeThatRunsASyncHandsTheSyncToTheOtherNode()
    {
        var (runId, survivor) = await StopTheNodeRunningASyncAsync(async running =>
        {
            running.Process.Terminate(); // a shutdown, as a restart or an upgrade of the node makes
            var exit = await running.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exit == 0, $"exit {exit} after SIGTERM\n{running.Process.Output}");
        });

        // The stopped node ended its run and said why; the other node takes it and syncs the endpoint again.
        Assert.Equal("Interrupted", await survivor.StatusAsync(runId));
        Assert.Equal("This node is stopping: the sync stops here, and another node of the team server runs it again. The pages written before are kept.",
            await team.ScalarAsync<string>("SELECT message FROM sync_log WHERE run_id = @id ORDER BY seq DESC LIMIT 1", ("id", runId)));
        await SyncedAgainAsync($"handover of run {runId}", by: survivor);

        // The history says what happened.
        var handedOver = (await HistoryAsync(survivor)).Single(r => r.GetProperty("id").GetInt64() == runId);
        Assert.Equal("Interrupted: the node running this sync was stopped; another node of the team server ran it again. Committed pages are kept.",
            handedOver.GetProperty("error").GetString());
    }

    /// <summary>
    /// Starts a sync of work orders on node 0, and once half its pages are read, does <paramref name="stop"/>
    /// to whichever node runs it; returns the run and the other node.
    /// </summary>
    private async Task<(long RunId, WebHost Survivor)> StopTheNodeRunningASyncAsync(Func<WebHost, Task> stop)
    {
        var nodeA = await team.NodeAsync(0);
        await team.NodeAsync(1);
        var gate = await PageGate.CloseAsync(team.Http, "/os/mxapiwodetail", fraction: 0.5, count: 1);
        var runId = await nodeA.StartSyncAsync("wodetail", TeamServerFixture.Site);
        try
        {
            await gate.ReachedAsync();
            var (running, other) = await team.ByProcessAsync(await team.OwnerPidAsync(runId));
            await stop(running);
            return (runId, other);
        }
        finally
        {
            await gate.OpenAsync();
        }
    }

    /// <summary>
    /// Waits for the run requested by <paramref name="requestedBy"/> to end (within three minutes, or
    /// <paramref name="within"/>): it succeeded (on <paramref name="by"/> when given), and the replica has
    /// Maximo's records of <paramref name="slug"/>.
    /// </summary>
    private async Task<long> SyncedAgainAsync(string requestedBy, WebHost? by = null, string slug = "wodetail", TimeSpan? within = null)
    {
        var node = by ?? await team.NodeAsync(0);
        long again = 0;
        await Wait.UntilAsync(async () =>
        {
            again = await team.ScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM sync_run WHERE requested_by = @by", ("by", requestedBy));
            return again > 0 && await node.StatusAsync(again) is not ("Queued" or "Running");
        }, within ?? TimeSpan.FromMinutes(3), () => $"the run requested by '{requestedBy}' to end\n{node.Process.Output[^Math.Min(4000, node.Process.Output.Length)..]}");
        Assert.Equal("Succeeded", await node.StatusAsync(again));
        if (by is not null)
        {
            Assert.Equal(by.Process.Id, await team.OwnerPidAsync(again));
        }

        Assert.Empty(await team.DifferencesAsync([slug]));
        return again;
    }

    /// <summary>A run of the domains as a node may leave it behind (see the tests below), written straight into the replica.</summary>
    private Task<long> LeftBehindAsync(string status, string? requestedBy = null, string? owner = null, string? error = null) =>
        team.ScalarAsync<long>(
            "INSERT INTO sync_run (endpoint, site, mode, \"trigger\", force, cancel_requested, status, requested_by, owner, error, queued_at, started_at, heartbeat_at, " +
            "finished_at, pages, records_fetched, records_inserted, records_updated, records_deleted) " +
            "VALUES ('domain', NULL, 'Full', 'Api', false, false, @status, @by, @owner, @error, now(), now(), now(), " +
            "CASE WHEN @status = 'Running' THEN NULL ELSE now() END, 0, 0, 0, 0, 0) RETURNING id",
            ("status", status), ("by", (object?)requestedBy ?? DBNull.Value), ("owner", (object?)owner ?? DBNull.Value), ("error", (object?)error ?? DBNull.Value));

    private static async Task<IEnumerable<JsonElement>> HistoryAsync(WebHost node) =>
        (await node.Http.GetFromJsonAsync<JsonElement>(new Uri("api/runs?endpoint=wodetail&limit=5", UriKind.Relative))).EnumerateArray();

    [Fact]
    public async Task ARunMarkedInterruptedByANodeThatDiedBeforeRunningItAgainIsRunAgainByAnother()
    {
        await team.NodeAsync(0);
        await team.NodeAsync(1);
        // What a node leaves behind when it dies right after marking a dead node's run Interrupted.
        var runId = await LeftBehindAsync("Interrupted",
            error: "Interrupted: the process running this sync stopped before it finished. Committed pages are kept; run it again to complete.");

        await SyncedAgainAsync($"recovery of run {runId}", slug: "domain", within: TimeSpan.FromMinutes(2));
        Assert.Equal(1L, await team.ScalarAsync<long>("SELECT COUNT(*) FROM sync_run WHERE requested_by = @by", ("by", $"recovery of run {runId}")));
        Assert.Equal("Interrupted: the process running this sync stopped before it finished; another node of the team server ran it again. Committed pages are kept.",
            await team.ScalarAsync<string>("SELECT error FROM sync_run WHERE id = @id", ("id", runId)));
    }

    [Fact]
    public async Task ARecoveryWhoseNodeStopsTooIsNotRunAThirdTime()
    {
        var nodes = new[] { await team.NodeAsync(0), await team.NodeAsync(1) };
        // What a recovery leaves behind when its node dies as well: running, its owner a process of this
        // machine that is gone (no process has this id).
        var runId = await LeftBehindAsync("Running", requestedBy: "recovery of run 1", owner: $"{Environment.MachineName}/2147483000/{DateTime.UtcNow.Ticks}");

        // A node notices and marks it Interrupted, and says why it does not sync the endpoint once more.
        bool Refused(WebHost node) => node.Process.Output.Split('\n').Any(line =>
            line.Contains($"Run {runId} of ", StringComparison.Ordinal) && line.Contains("It is not run a third time", StringComparison.Ordinal));
        await Wait.UntilAsync(() => nodes.Any(Refused), TimeSpan.FromMinutes(1),
            () => $"a node to refuse to run {runId} again");
        Assert.Equal("Interrupted", await nodes[0].StatusAsync(runId));
        // (Run 1 may be this very run, when this test comes first.)
        var recoveries = await team.ScalarAsync<long>("SELECT COUNT(*) FROM sync_run WHERE requested_by = @by AND id <> @id", ("by", $"recovery of run {runId}"), ("id", runId));
        Assert.True(recoveries == 0, $"run {runId} was run again:\n" + string.Join("\n",
            await team.ColumnAsync<string>($"SELECT id || ' ' || endpoint || ' ' || status || ' ' || COALESCE(requested_by, '') FROM sync_run WHERE id >= {runId} ORDER BY id")));
    }
}
