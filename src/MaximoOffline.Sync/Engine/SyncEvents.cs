using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// What a running sync tells the world: the web app's hub and log, and the command line's display.
/// Events reach observers through <see cref="SyncEventStream"/>; log lines are persisted before they
/// are told. Events of an endpoint run that an <c>all</c> run started carry that run as <c>ParentRunId</c>.
/// </summary>
public interface ISyncObserver
{
    void RunStarted(RunStartedEvent e);

    void Progress(ProgressEvent e);

    void Log(LogEvent e);

    void RunFinished(RunFinishedEvent e);
}

/// <param name="Mode">The mode the run really has: an endpoint without a cursor reads everything.</param>
public sealed record RunStartedEvent(long RunId, long? ParentRunId, string Endpoint, string? Site, SyncMode Mode, DateTime StartedAt);

/// <param name="Total">Records in scope as Maximo counted them, when known.</param>
/// <param name="RecordsPerSecond">Records written per second since the run started.</param>
/// <param name="Tables">Per table, the rows this run has inserted, updated and deleted so far (empty when not known).</param>
public sealed record ProgressEvent(long RunId, long? ParentRunId, string Endpoint, int Pages, long Records, long? Total, double RecordsPerSecond,
    IReadOnlyDictionary<string, TableTotals> Tables)
{
    public double? Percent => Total is > 0 ? Math.Min(100, 100.0 * Records / Total.Value) : null;

    public TimeSpan? Remaining => Total is { } total && RecordsPerSecond > 0 && total > Records
        ? TimeSpan.FromSeconds((total - Records) / RecordsPerSecond)
        : null;
}

public sealed record TableTotals(long Inserted, long Updated, long Deleted);

public sealed record LogEvent(long RunId, long? ParentRunId, long Seq, DateTime Time, SyncLogLevel Level, string Message);

public sealed record RunFinishedEvent(long RunId, long? ParentRunId, string Endpoint, SyncRunStatus Status, string? Error, long Records, TimeSpan Elapsed)
{
    /// <summary>How a run that ended is told, from its row (by a process that did not run it).</summary>
    public static RunFinishedEvent From(SyncRun run) =>
        new(run.Id, run.ParentRunId, run.Endpoint, run.Status, run.Error, run.RecordsFetched,
            run.StartedAt is { } started && run.FinishedAt is { } finished ? finished - started : TimeSpan.Zero);
}
