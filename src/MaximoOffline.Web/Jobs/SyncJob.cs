using Hangfire;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Web.Jobs;

/// <summary>
/// The background job that carries out a queued run. Its only argument is the run id (no site, no
/// secret); Hangfire's own retries are off because the engine retries requests itself, and a job
/// Hangfire runs again after a crash finds its run Interrupted and does not run it a second time.
/// </summary>
public sealed class SyncJob(SyncService sync)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Sync run {0}")]
    public Task<SyncRunStatus> RunAsync(long runId, CancellationToken cancellationToken) => sync.ExecuteAsync(runId, cancellationToken);
}

/// <summary>A recurring sync from <c>Sync:Schedule:&lt;slug&gt;</c>: queues a run unless one is under way, and runs it.</summary>
public sealed class ScheduledSyncJob(SyncService sync, ILogger<ScheduledSyncJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Scheduled sync of {0}")]
    public async Task RunAsync(string endpoint, CancellationToken cancellationToken)
    {
        var start = await sync.RequestAsync(new SyncRequest(endpoint, Trigger: SyncTrigger.Schedule, RequestedBy: "schedule"), cancellationToken);
        if (start.AlreadyRunning)
        {
            logger.LogInformation("Scheduled sync of {Endpoint} skipped: run {RunId} is already under way.", endpoint, start.RunId);
            return;
        }

        await sync.ExecuteAsync(start.RunId, cancellationToken);
    }
}
