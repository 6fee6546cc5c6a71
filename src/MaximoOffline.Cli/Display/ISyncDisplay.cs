using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Cli.Display;

/// <summary>Shows a sync as it runs: a live progress display on a terminal, plain lines otherwise.</summary>
internal interface ISyncDisplay : ISyncObserver
{
    /// <summary>Runs <paramref name="sync"/> while showing its events; returns how it ended.</summary>
    Task<SyncRunStatus> ShowAsync(Func<Task<SyncRunStatus>> sync);
}
