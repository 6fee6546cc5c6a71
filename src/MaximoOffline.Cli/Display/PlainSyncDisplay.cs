using System.Collections.Concurrent;
using System.Globalization;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Cli.Display;

/// <summary>
/// One line per event worth a line, for logs, pipes and cron: run starts and ends, the run's log,
/// and progress at most every few seconds per endpoint.
/// </summary>
internal sealed class PlainSyncDisplay(TextWriter output) : ISyncDisplay
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly RunLines _lines = new();
    private readonly ConcurrentDictionary<long, DateTime> _lastProgress = new();

    public async Task<SyncRunStatus> ShowAsync(Func<Task<SyncRunStatus>> sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return await sync();
    }

    public void RunStarted(RunStartedEvent e)
    {
        _lines.Started(e);
        _lastProgress[e.RunId] = DateTime.UtcNow;
        // Not the mode: the event carries the one asked for, and the engine reads everything when an
        // endpoint has no cursor yet; its first log line says which it does.
        Write(SyncLogLevel.Information, $"{e.Endpoint}: started run {e.RunId}{(e.Site is null ? "" : $" for site {e.Site}")}.");
    }

    public void Progress(ProgressEvent e)
    {
        var now = DateTime.UtcNow;
        if (now - _lastProgress.GetOrAdd(e.RunId, now) < ProgressEvery)
        {
            return;
        }

        _lastProgress[e.RunId] = now;
        var total = e.Total is { } t ? $" of {Format.Count(t)}" : "";
        Write(SyncLogLevel.Information, $"{e.Endpoint}: {Format.Count(e.Records)}{total} records, {e.Pages} pages, {Format.Rate(e.RecordsPerSecond)}.");
    }

    public void Log(LogEvent e)
    {
        // Debug lines (attributes kept only in raw, …) are in the run's log for whoever needs them.
        if (e.Level > SyncLogLevel.Debug && _lines.Text(e) is { } text)
        {
            Write(e.Level, text);
        }
    }


    public void RunFinished(RunFinishedEvent e)
    {
        if (e.Endpoint != EndpointCatalog.All)
        {
            var level = e.Status == SyncRunStatus.Succeeded ? SyncLogLevel.Information : SyncLogLevel.Error;
            Write(level, $"{e.Endpoint}: {e.Status}, {Format.Count(e.Records)} records in {Format.Duration(e.Elapsed)}.");
        }
    }

    private void Write(SyncLogLevel level, string text)
    {
        lock (_lock)
        {
            output.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {RunLines.Level(level)} {text}");
            output.Flush();
        }
    }
}
