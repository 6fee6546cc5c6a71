using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Sync.Tests;

/// <summary>
/// A team server's node that is stopping hands the runs its shutdown stops to the other nodes (ended
/// Interrupted, for another node to take), unless a user asked to cancel them.
/// </summary>
public sealed class HandoverTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    /// <summary>A node whose shutdown the test starts: the token is the one its jobs get, as Hangfire's are cancelled.</summary>
    private sealed class StoppingNode : IRunHandover, IDisposable
    {
        public CancellationTokenSource Shutdown { get; } = new();

        public bool NodeStopping => Shutdown.IsCancellationRequested;

        public void Dispose() => Shutdown.Dispose();
    }

    /// <summary>An engine on <paramref name="node"/>, one page request at a time (so that a run is stopped between pages), on the emulator as it was.</summary>
    private async Task<SyncHarness> OnAsync(StoppingNode node)
    {
        await emulator.RestoreAsync();
        return await SyncHarness.StartAsync(emulator, new() { ["Maximo:MaxConcurrentRequests"] = "1" },
            also: services => services.AddSingleton<IRunHandover>(node));
    }

    [Fact]
    public async Task ASyncOfAllStoppedByItsNodesShutdownIsHandedOverWithEachEndpointRunItStopped()
    {
        using var node = new StoppingNode();
        await using var harness = await OnAsync(node);
        var start = await harness.Sync.RequestAsync(new SyncRequest("all"));
        harness.Events.Observed += e =>
        {
            if (e is ProgressEvent { Pages: 1 })
            {
                node.Shutdown.Cancel();
            }
        };

        var result = await harness.Sync.ExecuteAsync(start.RunId, node.Shutdown.Token);

        Assert.Equal(SyncRunStatus.Interrupted, result);
        Assert.Equal(RunLease.HandedOverMessage, harness.RunError(start.RunId));
        var children = harness.Column<string>($"SELECT status || ' ' || COALESCE(error, '') FROM sync_run WHERE parent_run_id = {start.RunId}");
        Assert.NotEmpty(children);
        // Each endpoint run ended before the shutdown succeeded; each one it stopped is handed over with the rest.
        Assert.All(children, c => Assert.True(c == "Succeeded " || c == $"Interrupted {RunLease.HandedOverMessage}", c));
        Assert.Contains(children, c => c.StartsWith("Interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARunAUserCancelsWhileItsNodeStopsIsCancelledNotHandedOver()
    {
        using var node = new StoppingNode();
        await using var harness = await OnAsync(node);
        var start = await harness.Sync.RequestAsync(new SyncRequest("assets"));
        harness.Events.Observed += e =>
        {
            if (e is ProgressEvent { Pages: 1 } p && p.RunId == start.RunId)
            {
                harness.Sync.Cancel(start.RunId, "a planner");
                node.Shutdown.Cancel();
            }
        };

        var result = await harness.Sync.ExecuteAsync(start.RunId, node.Shutdown.Token);

        Assert.Equal(SyncRunStatus.Cancelled, result);
        Assert.Equal("Cancelled by a user or a shutdown.", harness.RunError(start.RunId));
    }
}
