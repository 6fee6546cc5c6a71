using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using Microsoft.Extensions.Logging;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// The one place a run ends, however it ends: commits what a success saves with its end, records the
/// status and error, writes the run's last log line, and raises <see cref="RunFinishedEvent"/> after it.
/// (A run whose process died is ended by <see cref="RunLease"/> from another process.)
/// </summary>
internal sealed class RunEnding(ReplicaStore database, RunQueue queue, RunCounters counters, ILogger<RunEnding> logger)
{
    public SyncRunStatus End(RunContext run, RunOutcome outcome, Exception? cause = null)
    {
        if (cause is not null && !RunOutcome.Explains(cause) && outcome.Status == SyncRunStatus.Failed)
        {
            logger.LogError(cause, "Sync run {RunId} of {Endpoint} failed unexpectedly.", run.RunId, run.Endpoint);
        }

        var message = outcome.Message;
        var recorded = false;
        if (outcome is { Status: SyncRunStatus.Succeeded, Commit: { } commit })
        {
            try
            {
                // The sweep, the cursor and the run's end commit together. Log lines wait until after:
                // they are written on their own connection, which this transaction's lock would block.
                using var connection = database.OpenConnection();
                using var transaction = database.BeginWrite(connection);
                message = commit(transaction);
                queue.End(run.RunId, SyncRunStatus.Succeeded, null, outcome.SchemaReport, outcome.ReferenceReport, transaction);
                transaction.Commit();
                recorded = true;
            }
            catch (Exception e) when (RunOutcome.Explains(e))
            {
                outcome = RunOutcome.Failed(e.Message) with { SchemaReport = outcome.SchemaReport, ReferenceReport = outcome.ReferenceReport };
                message = outcome.Message;
            }
        }

        if (!recorded)
        {
            queue.End(run.RunId, outcome.Status, outcome.Error, outcome.SchemaReport, outcome.ReferenceReport);
        }

        switch (outcome.Status)
        {
            case SyncRunStatus.Succeeded:
                run.Info(message);
                break;
            case SyncRunStatus.Cancelled or SyncRunStatus.Interrupted:
                run.Warn(message);
                break;
            default:
                run.Error(message);
                break;
        }

        run.Events.RunFinished(new RunFinishedEvent(run.RunId, run.ParentRunId, run.Endpoint, outcome.Status, outcome.Error,
            counters.RecordsFetched(run.RunId), run.Elapsed));
        return outcome.Status;
    }
}
