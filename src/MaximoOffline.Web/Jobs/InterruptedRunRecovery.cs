using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Web.Jobs;

/// <summary>
/// On a team server, a run whose node died is marked Interrupted by whichever node notices first (its
/// process is gone from this machine, or its heartbeat is older than <see cref="RunLease.Timeout"/>):
/// this service's own look every few seconds, or a user's request, which notices a dead node first as
/// often as not. A run whose node was stopped (a shutdown, see <see cref="Hosting.NodeShutdownHandover"/>)
/// was ended Interrupted and handed over by that node. Either way one node takes it from the database
/// (<see cref="RunLease.TakeInterrupted"/>: exactly one, whichever node marked it, even one that died
/// since) and queues the same sync again, so the replica converges on Maximo's records without anyone
/// clicking. Runs a user cancelled are not run again; an <c>all</c> run is run again as a whole; a
/// recovery that is interrupted too is not run a third time (a handover is not counted: no node died).
/// </summary>
internal sealed class InterruptedRunRecovery(RunLease lease, RunQueue queue, RunHistory history, SyncEventStream events, IServiceScopeFactory scopes,
    TimeProvider time, ILogger<InterruptedRunRecovery> logger) : BackgroundService
{
    /// <summary>What a recovered run's <c>requested_by</c> starts with.</summary>
    private const string RecoveryOf = "recovery of run ";

    /// <summary>What the <c>requested_by</c> of a run taking over a handed-over one starts with.</summary>
    private const string HandoverOf = "handover of run ";

    // Runs taken and not yet queued again (only the timer's loop uses it): one whose start failed is tried at the next tick.
    private readonly Queue<(long RunId, bool HandedOver)> _taken = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RunLease.HeartbeatInterval, time);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The app is stopping.
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
#pragma warning disable CA1031 // a look that fails (the database restarting) is tried again at the next tick
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not look for runs whose node stopped; trying again in {Interval}.", RunLease.HeartbeatInterval);
        }
#pragma warning restore CA1031
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var run in lease.TakeInterrupted()) // marks the runs of dead nodes first, in the same transaction
        {
            _taken.Enqueue(run);
        }

        while (_taken.TryPeek(out var next))
        {
            var (runId, handedOver) = next;
            try
            {
                await RecoverAsync(runId, handedOver, cancellationToken);
            }
            catch (SyncRequestException e)
            {
                // The request itself is no longer good (an endpoint or site the settings no longer have): asking
                // again would fail the same way, and the runs behind it would wait for ever.
                logger.LogWarning("Run {RunId} was interrupted and cannot be run again: {Reason}", runId, e.Message);
            }

            _taken.Dequeue(); // taken off only once handled: any other failure is tried again at the next tick
        }
    }

    private async Task RecoverAsync(long runId, bool handedOver, CancellationToken cancellationToken)
    {
        // Browsers on every node learn that it ended: the node that ran it cannot say so any more (a node
        // that handed a run over said so as it stopped).
        if (!handedOver && await history.RunAsync(runId, cancellationToken) is { Run: var run })
        {
            events.RunFinished(RunFinishedEvent.From(run));
        }

        var request = queue.Request(runId);
        if (request is null || request.ParentRunId is not null || queue.CancelRequested([runId]).Count > 0)
        {
            return; // an endpoint run of an interrupted 'all' run (the 'all' run is run again), or a run a user was stopping
        }

        if (!handedOver && request.RequestedBy?.StartsWith(RecoveryOf, StringComparison.Ordinal) == true)
        {
            // Already a recovery: a sync that stops every node it runs on is not passed from node to node for ever.
            logger.LogError("Run {RunId} of {Endpoint} ({RequestedBy}) was interrupted too: its node stopped again. It is not run a third time; " +
                            "see the runs' logs, then start it again by hand.", runId, request.Endpoint, request.RequestedBy);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var starter = scope.ServiceProvider.GetRequiredService<SyncStarter>();
        var (start, jobId) = await starter.StartAsync(new SyncRequest(request.Endpoint, request.Site, request.Mode == SyncMode.Full,
            request.Trigger, request.Force, $"{(handedOver ? HandoverOf : RecoveryOf)}{runId}"), cancellationToken);
        logger.LogWarning("Run {RunId} of {Endpoint} {How}. Run {NewRunId} (job {JobId}) syncs it again.",
            runId, request.Endpoint, handedOver ? "was handed over by its node as it stopped" : "was interrupted: its node stopped",
            start.RunId, jobId ?? "already under way");
    }
}
