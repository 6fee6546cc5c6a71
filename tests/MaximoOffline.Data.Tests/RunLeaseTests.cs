using MaximoOffline.Data.Bookkeeping;
using Microsoft.Extensions.Time.Testing;

namespace MaximoOffline.Data.Tests;

/// <summary>
/// A run whose process is gone is marked Interrupted by whoever looks first: the lease's own look, or a
/// claim of any endpoint; a team server's node then takes it (once) to run it again.
/// </summary>
public sealed class RunLeaseTests : IAsyncLifetime
{
    private readonly TempReplica _replica = new();

    public Task InitializeAsync() => _replica.InitializeAsync();

    public Task DisposeAsync() => _replica.DisposeAsync();

    [Fact]
    public void RunsWhoseProcessIsGoneAreInterruptedByAClaimOfAnotherEndpointAsByTheLeasesOwnLook()
    {
        var lease = new RunLease(_replica.Database, TimeProvider.System);
        var queue = new RunQueue(_replica.Database, lease, TimeProvider.System);
        var orphan = queue.Claim(new RunRequest("wodetail", "KDFAC", SyncMode.Full, SyncTrigger.Api)).RunId;
        var gone = $"{Environment.MachineName}/{int.MaxValue}/1"; // a process of this machine that does not exist
        _replica.Scalar($"UPDATE sync_run SET owner = '{gone}' WHERE id = {orphan}");

        Assert.True(queue.Claim(new RunRequest("assets", "KDFAC", SyncMode.Full, SyncTrigger.Api)).Created);
        Assert.Equal(SyncRunStatus.Interrupted, queue.Status(orphan));
        Assert.Equal(RunLease.InterruptedMessage, _replica.Scalar($"SELECT error FROM sync_run WHERE id = {orphan}"));
        Assert.Empty(lease.InterruptAbandoned()); // marked once

        var second = queue.Claim(new RunRequest("inventory", "KDFAC", SyncMode.Full, SyncTrigger.Api)).RunId;
        _replica.Scalar($"UPDATE sync_run SET owner = '{gone}' WHERE id = {second}");
        Assert.Equal([second], lease.InterruptAbandoned());
    }

    [Fact]
    public void InterruptedRunsAreTakenOnceCrashedOnesOnlyWhileRecentHandedOverOnesAlways()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var lease = new RunLease(_replica.Database, clock);
        var queue = new RunQueue(_replica.Database, lease, clock);
        long Ended(string endpoint, SyncRunStatus status, string? error)
        {
            var id = queue.Claim(new RunRequest(endpoint, "KDFAC", SyncMode.Full, SyncTrigger.Api)).RunId;
            Assert.True(queue.Start(id));
            queue.End(id, status, error, null, null);
            return id;
        }

        var old = Ended("domain", SyncRunStatus.Interrupted, RunLease.InterruptedMessage);
        var oldHandedOver = Ended("people", SyncRunStatus.Interrupted, RunLease.HandedOverMessage);
        clock.Advance(RunLease.TakenWithin + TimeSpan.FromMinutes(1));
        var crashed = Ended("assets", SyncRunStatus.Interrupted, RunLease.InterruptedMessage);
        var handedOver = Ended("wodetail", SyncRunStatus.Interrupted, RunLease.HandedOverMessage);
        Ended("inventory", SyncRunStatus.Cancelled, "Cancelled by a user or a shutdown.");
        Ended("locations", SyncRunStatus.Failed, "Maximo answered 401.");
        // Still running, its process gone: the take marks it first, and takes it too.
        var orphan = queue.Claim(new RunRequest("all", null, SyncMode.Full, SyncTrigger.Api)).RunId;
        _replica.Scalar($"UPDATE sync_run SET owner = '{Environment.MachineName}/{int.MaxValue}/1' WHERE id = {orphan}");

        Assert.Equal([(oldHandedOver, true), (crashed, false), (handedOver, true), (orphan, false)], lease.TakeInterrupted());
        Assert.Empty(lease.TakeInterrupted()); // taken: no other node gets them
        string? Error(long id) => (string?)_replica.Scalar($"SELECT error FROM sync_run WHERE id = {id}");
        Assert.Equal(RunLease.RecoveredMessage, Error(crashed));
        Assert.Equal(RunLease.TakenOverMessage, Error(handedOver));
        Assert.Equal(RunLease.InterruptedMessage, Error(old)); // history: left as it was
        Assert.Equal(SyncRunStatus.Interrupted, queue.Status(crashed));
    }
}
