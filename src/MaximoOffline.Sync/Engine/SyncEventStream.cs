using Microsoft.Extensions.Logging;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// The one stream of sync events: the engine raises each event here once, and so does the watcher of
/// runs in other processes; every registered <see cref="ISyncObserver"/> gets it. An observer that
/// fails (a closed browser connection, a broken terminal) is logged with the run and does not stop the
/// sync or the other observers.
/// </summary>
public sealed class SyncEventStream(IEnumerable<ISyncObserver> observers, ILogger<SyncEventStream> logger) : ISyncObserver
{
    private readonly ISyncObserver[] _observers = [.. observers];

    public void RunStarted(RunStartedEvent e) => Tell(e.RunId, e, static (o, e) => o.RunStarted(e));

    public void Progress(ProgressEvent e) => Tell(e.RunId, e, static (o, e) => o.Progress(e));

    public void Log(LogEvent e) => Tell(e.RunId, e, static (o, e) => o.Log(e));

    public void RunFinished(RunFinishedEvent e) => Tell(e.RunId, e, static (o, e) => o.RunFinished(e));

    private void Tell<T>(long runId, T e, Action<ISyncObserver, T> action)
    {
        foreach (var observer in _observers)
        {
#pragma warning disable CA1031 // An observer's failure must not fail the sync; it is logged with the run instead.
            try
            {
                action(observer, e);
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "{Observer} failed on {Event} of sync run {RunId}.", observer.GetType().Name, typeof(T).Name, runId);
            }
#pragma warning restore CA1031
        }
    }
}
