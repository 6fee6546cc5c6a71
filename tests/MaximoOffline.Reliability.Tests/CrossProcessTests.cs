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
        var runId = await StartedAsync(started.Task, cli, replica);
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

    /// <summary>The run's id once the dashboard hears it started; if it does not, what the command line and the replica say.</summary>
    private static async Task<long> StartedAsync(Task<long> started, ProductProcess cli, Replica replica)
    {
        // A loaded machine (CI runs the test projects side by side) may take long to start a process.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!started.IsCompleted && !cli.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(started, Task.Delay(TimeSpan.FromMilliseconds(200)));
        }

        if (started.IsCompleted || await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(5))) == started)
        {
            return await started;
        }

        var runs = replica.Rows("SELECT id, endpoint, status, owner, started_at, finished_at FROM sync_run ORDER BY id")
            .Select(r => string.Join(" ", r.Select(Replica.Text)));
        Assert.Fail($"The dashboard heard of no run of assets. Runs in the replica: [{string.Join("; ", runs)}]. " +
                    $"The command line {(cli.HasExited ? $"exited ({cli.ExitCode})" : "is still running")}:\n{cli.Output}");
        return 0;
    }
}
