using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Web.Api;
using MaximoOffline.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace MaximoOffline.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class HubTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task AWatcherJoiningMidRunGetsEveryLogLineExactlyOnceAndInOrderThenTheLiveOnes()
    {
        // A run held at the gate until the watcher has joined; cut-off pages make it log retries.
        var gate = await app.HoldPagesAsync("/os/mxapiwodetail");
        await app.ControlAsync("faults", new { kind = "truncate", afterBytes = 5_000, fraction = 0.3, path = "/os/mxapiwodetail" });
        using var start = await app.Http.PostAsJsonAsync("api/sync/wodetail", new { site = "LCVIRQ", full = true });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        await gate.ReachedAsync();

        // A first watcher sees the run's opening lines go out, so the one under test joins after them.
        await using (var early = new HubConnectionBuilder().WithUrl(new Uri(app.BaseUrl, "hubs/sync")).Build())
        {
            var lines = new ConcurrentQueue<LogLineDto>();
            early.On<List<LogLineDto>>("log", batch => { foreach (var line in batch.Where(l => l.RunId == runId)) lines.Enqueue(line); });
            await early.StartAsync();
            foreach (var line in (await early.InvokeAsync<WatchResult>("watch", runId, 0L)).Lines)
            {
                lines.Enqueue(line);
            }

            await Wait.UntilAsync(() => lines.Count(l => l.Seq <= 2) == 2 && lines.Any(l => l.Seq == 2));
        }

        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseUrl, "hubs/sync")).Build();
        var live = new ConcurrentQueue<LogLineDto>();
        var finished = new TaskCompletionSource<RunFinishedDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<List<LogLineDto>>("log", lines => { foreach (var line in lines.Where(l => l.RunId == runId)) live.Enqueue(line); });
        hub.On<RunFinishedDto>("runFinished", f => { if (f.RunId == runId) finished.TrySetResult(f); });
        await hub.StartAsync();

        var watched = await hub.InvokeAsync<WatchResult>("watch", runId, 0L);
        Assert.Equal("Running", watched.Run.Status);
        await gate.OpenAsync();
        var end = await finished.Task.WaitAsync(TimeSpan.FromSeconds(120));
        await app.ClearFaultsAsync();

        Assert.Equal("Succeeded", end.Status);
        Assert.NotEmpty(watched.Lines);
        Assert.NotEmpty(live);
        var seen = watched.Lines.Concat(live).Select(l => l.Seq).ToList();
        var stored = (await app.GetJsonAsync($"api/runs/{runId}/log")).EnumerateArray().Select(l => l.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(stored, seen);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored);
    }

    [Fact]
    public async Task WatchingAFinishedRunReturnsItsWholeLogAndFinalState()
    {
        using var start = await app.Http.PostAsJsonAsync("api/sync/domain", new { full = true });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        await app.WaitForEndAsync(runId);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseUrl, "hubs/sync")).Build();
        await hub.StartAsync();

        var watched = await hub.InvokeAsync<WatchResult>("watch", runId, 0L);
        var afterTwo = await hub.InvokeAsync<WatchResult>("watch", runId, 2L);

        Assert.Equal("Succeeded", watched.Run.Status);
        Assert.Equal((await app.GetJsonAsync($"api/runs/{runId}/log")).GetArrayLength(), watched.Lines.Count);
        Assert.Equal(watched.Lines.Skip(2).Select(l => l.Seq), afterTwo.Lines.Select(l => l.Seq));
    }

    [Fact]
    public async Task ARunOfAnotherProcessFirstSeenQueuedIsAnnouncedWhenItStarts()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseUrl, "hubs/sync")).Build();
        var started = new ConcurrentDictionary<long, bool>();
        hub.On<JsonElement>("runStarted", e => started[e.GetProperty("runId").GetInt64()] = true);
        await hub.StartAsync();

        // Another process (the command line, slow to start) has one run still queued and one running:
        // one look at the replica reads both, so once the running one is announced the queued one was seen queued.
        var marker = $"other process {Guid.NewGuid():N}";
        try
        {
            app.Execute($"INSERT INTO sync_run (endpoint, mode, \"trigger\", status, requested_by, queued_at, started_at, owner, heartbeat_at, force, cancel_requested, pages, " +
                        "records_fetched, records_inserted, records_updated, records_deleted) VALUES " +
                        $"('people', 'Full', 'Cli', 'Queued', '{marker}', {Now}, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0), " +
                        $"('locations', 'Full', 'Cli', 'Running', '{marker}', {Now}, {Now}, 'elsewhere/1/1', {Now}, 0, 0, 0, 0, 0, 0, 0)");
            var queued = app.Scalar($"SELECT id FROM sync_run WHERE requested_by = '{marker}' AND endpoint = 'people'", r => r.GetInt64(0));
            var running = app.Scalar($"SELECT id FROM sync_run WHERE requested_by = '{marker}' AND endpoint = 'locations'", r => r.GetInt64(0));
            await Wait.UntilAsync(() => started.ContainsKey(running));
            Assert.False(started.ContainsKey(queued));

            app.Execute($"UPDATE sync_run SET status = 'Running', started_at = {Now}, owner = 'elsewhere/1/1', heartbeat_at = {Now} WHERE id = {queued}");

            await Wait.UntilAsync(() => started.ContainsKey(queued));
        }
        finally
        {
            app.Execute($"UPDATE sync_run SET status = 'Cancelled', finished_at = {Now} WHERE requested_by = '{marker}'");
        }
    }

    private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now')";
}
