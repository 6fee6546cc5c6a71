using System.Collections.Concurrent;
using System.Text.Json;
using MaximoOffline.Reliability.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace MaximoOffline.Reliability.Tests;

/// <summary>The dashboard follows syncs that another process runs on the same replica.</summary>
[Collection(CrashCollection.Name)]
public sealed class CrossProcessTests(CrashFixture fixture)
{
    [Fact]
    public async Task ASyncRunByTheCommandLineStreamsToTheDashboardLiveAndCompletely()
    {
        var folder = fixture.NewFolder("cross-process");
        var replica = new Replica(Path.Combine(folder, "maximo.db"));
        var settings = fixture.Settings(replica.Path);
        using var host = await WebHost.StartAsync(folder, settings);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(host.Http.BaseAddress!, "hubs/sync")).Build();
        var started = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new ConcurrentQueue<long>();
        hub.On<JsonElement>("runStarted", e =>
        {
            if (e.GetProperty("endpoint").GetString() == "assets")
            {
                started.TrySetResult(e.GetProperty("runId").GetInt64());
            }
        });
        hub.On<JsonElement>("runFinished", e =>
        {
            if (e.GetProperty("endpoint").GetString() == "assets")
            {
                finished.TrySetResult(e.Clone());
            }
        });
        hub.On<JsonElement>("log", batch =>
        {
            foreach (var line in batch.EnumerateArray())
            {
                lines.Enqueue(line.GetProperty("seq").GetInt64());
            }
        });
        await hub.StartAsync();

        using var cli = ProductProcess.Start(ProductProcess.CliDll, folder, folder, settings, "sync", "assets", "--force-full", "--db-path", replica.Path);
        var runId = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var watched = await hub.InvokeAsync<JsonElement>("watch", runId, 0L);
        foreach (var line in watched.GetProperty("lines").EnumerateArray())
        {
            lines.Enqueue(line.GetProperty("seq").GetInt64());
        }

        var end = await finished.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(0, await cli.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(runId, end.GetProperty("runId").GetInt64());
        Assert.Equal("Succeeded", end.GetProperty("status").GetString());
        Assert.Equal("Cli", (await host.RunAsync(runId)).GetProperty("trigger").GetString());
        await Wait.UntilAsync(() => lines.Count >= replica.Long($"SELECT COUNT(*) FROM sync_log WHERE run_id = {runId}"), TimeSpan.FromSeconds(10), () => $"{lines.Count} of {replica.Long($"SELECT COUNT(*) FROM sync_log WHERE run_id = {runId}")} log lines");
        Assert.Equal(Enumerable.Range(1, (int)replica.Long($"SELECT COUNT(*) FROM sync_log WHERE run_id = {runId}")).Select(i => (long)i), lines.Order());
    }
}
