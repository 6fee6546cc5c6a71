using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Data.Tests;

/// <summary>
/// A run whose process is gone is marked Interrupted by whoever looks first: the lease's own look, or a
/// claim of any endpoint. Either way the process that marked it hears of it once (a team server re-runs it).
/// </summary>
public sealed class RunLeaseTests : IAsyncLifetime
{
    private readonly TempReplica _replica = new();

    public Task InitializeAsync() => _replica.InitializeAsync();

    public Task DisposeAsync() => _replica.DisposeAsync();

    [Fact]
    public void RunsAClaimOfAnotherEndpointInterruptsAreAnnouncedOnceAsTheLeasesOwnLooksAre()
    {
        var lease = new RunLease(_replica.Database, TimeProvider.System);
        var queue = new RunQueue(_replica.Database, lease, TimeProvider.System);
        var heard = new List<long>();
        lease.Interrupted += runs => heard.AddRange(runs);

        var orphan = queue.Claim(new RunRequest("wodetail", "KDFAC", SyncMode.Full, SyncTrigger.Api)).RunId;
        var gone = $"{Environment.MachineName}/{int.MaxValue}/1"; // a process of this machine that does not exist
        _replica.Scalar($"UPDATE sync_run SET owner = '{gone}' WHERE id = {orphan}");

        var assets = queue.Claim(new RunRequest("assets", "KDFAC", SyncMode.Full, SyncTrigger.Api));
        Assert.True(assets.Created);
        Assert.Equal([orphan], heard);
        Assert.Equal(SyncRunStatus.Interrupted, queue.Status(orphan));

        // Looked at again, by a claim or by the lease: nothing more to hear.
        Assert.False(queue.Claim(new RunRequest("assets", "KDFAC", SyncMode.Full, SyncTrigger.Api)).Created);
        Assert.Empty(lease.InterruptAbandoned());
        Assert.Equal([orphan], heard);

        // The lease's own look announces what it marks too.
        var second = queue.Claim(new RunRequest("inventory", "KDFAC", SyncMode.Full, SyncTrigger.Api)).RunId;
        _replica.Scalar($"UPDATE sync_run SET owner = '{gone}' WHERE id = {second}");
        Assert.Equal([second], lease.InterruptAbandoned());
        Assert.Equal([orphan, second], heard);
    }

    [Fact]
    public void ARunHandedOverIsTakenOnceAndOnlyItIs()
    {
        var lease = new RunLease(_replica.Database, TimeProvider.System);
        var queue = new RunQueue(_replica.Database, lease, TimeProvider.System);
        long Ended(string endpoint, SyncRunStatus status, string? error)
        {
            var id = queue.Claim(new RunRequest(endpoint, "KDFAC", SyncMode.Full, SyncTrigger.Api)).RunId;
            Assert.True(queue.Start(id));
            queue.End(id, status, error, null, null);
            return id;
        }

        var handedOver = Ended("wodetail", SyncRunStatus.Interrupted, RunLease.HandedOverMessage);
        Ended("assets", SyncRunStatus.Interrupted, RunLease.InterruptedMessage); // its node died: the lease's look hands it on, not this
        Ended("inventory", SyncRunStatus.Cancelled, "Cancelled by a user or a shutdown.");

        Assert.Equal([handedOver], lease.TakeHandedOver());
        Assert.Empty(lease.TakeHandedOver()); // taken: no other node gets it
        Assert.Equal(RunLease.TakenOverMessage, _replica.Scalar($"SELECT error FROM sync_run WHERE id = {handedOver}"));
        Assert.Equal(SyncRunStatus.Interrupted, queue.Status(handedOver));
    }
}
