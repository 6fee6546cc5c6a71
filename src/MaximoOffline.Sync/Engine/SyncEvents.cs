using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// What a running sync tells the world. The web app (SignalR) and the command line (terminal) both
/// consume these through <see cref="ISyncObserver"/>; log lines are persisted before they are sent.
/// Events of an endpoint run started by <c>all</c> carry the <c>all</c> run as <c>ParentRunId</c>.
/// </summary>
public interface ISyncObserver
{
    void RunStarted(RunStartedEvent e);

    void Progress(ProgressEvent e);

    void Log(LogEvent e);

    void Counts(CountsEvent e);

    void RunFinished(RunFinishedEvent e);
}

public sealed record RunStartedEvent(long RunId, long? ParentRunId, string Endpoint, string? Site, SyncMode Mode, DateTime StartedAt);

/// <param name="Total">Records in scope as Maximo counted them, when known.</param>
/// <param name="RecordsPerSecond">Records written per second since the run started.</param>
public sealed record ProgressEvent(long RunId, long? ParentRunId, string Endpoint, int Pages, long Records, long? Total, double RecordsPerSecond)
{
    public double? Percent => Total is > 0 ? Math.Min(100, 100.0 * Records / Total.Value) : null;

    public TimeSpan? Remaining => Total is { } total && RecordsPerSecond > 0 && total > Records
        ? TimeSpan.FromSeconds((total - Records) / RecordsPerSecond)
        : null;
}

public sealed record LogEvent(long RunId, long? ParentRunId, long Seq, DateTime Time, SyncLogLevel Level, string Message);

/// <summary>Per table: rows this run has inserted, updated and deleted so far.</summary>
public sealed record CountsEvent(long RunId, long? ParentRunId, string Endpoint, IReadOnlyDictionary<string, TableTotals> Tables);

public sealed record TableTotals(long Inserted, long Updated, long Deleted);

public sealed record RunFinishedEvent(long RunId, long? ParentRunId, string Endpoint, SyncRunStatus Status, string? Error, long Records, TimeSpan Elapsed);

/// <summary>Fans events out to every registered observer; one failing observer does not stop a sync.</summary>
internal sealed class SyncObservers(IEnumerable<ISyncObserver> observers) : ISyncObserver
{
    private readonly ISyncObserver[] _observers = [.. observers];

    public void RunStarted(RunStartedEvent e) => Each(o => o.RunStarted(e));

    public void Progress(ProgressEvent e) => Each(o => o.Progress(e));

    public void Log(LogEvent e) => Each(o => o.Log(e));

    public void Counts(CountsEvent e) => Each(o => o.Counts(e));

    public void RunFinished(RunFinishedEvent e) => Each(o => o.RunFinished(e));

    private void Each(Action<ISyncObserver> action)
    {
        foreach (var observer in _observers)
        {
#pragma warning disable CA1031 // An observer's failure (a closed browser connection) must not fail the sync.
            try
            {
                action(observer);
            }
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }
    }
}
