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
}
