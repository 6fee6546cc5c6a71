using Hangfire;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Web.Jobs;

/// <summary>
/// Starts a sync from the web app (the API and the page alike): validates and queues the run, and
/// gives a new run its background job, whose id is recorded on the run.
/// </summary>
public sealed class SyncStarter(SyncService sync, RunQueue queue, IBackgroundJobClient jobs)
{
    /// <returns>The run, and its job id; no job id when the endpoint was already syncing.</returns>
    public async Task<(SyncStart Start, string? JobId)> StartAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var start = await sync.RequestAsync(request, cancellationToken);
        if (start.AlreadyRunning)
        {
            return (start, null);
        }

        var jobId = jobs.Enqueue<SyncJob>(j => j.RunAsync(start.RunId, CancellationToken.None));
        queue.SetJobId(start.RunId, jobId);
        return (start, jobId);
    }
}
