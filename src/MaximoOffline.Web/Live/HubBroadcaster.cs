using System.Threading.Channels;
using MaximoOffline.Sync;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace MaximoOffline.Web.Live;

/// <summary>
/// Sends sync events to browsers without letting a fast sync flood them: progress (which carries the
/// run's per-table counts) is coalesced to the latest per run and log lines batched, flushed a few times a second; a run's
/// end is sent after everything before it, always. Engine threads only enqueue; one loop sends.
/// </summary>
public sealed class HubBroadcaster(IHubContext<SyncHub> hub, ILogger<HubBroadcaster> logger) : BackgroundService, ISyncObserver
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, ProgressEvent> _progress = [];
    private readonly List<LogEvent> _logs = [];

    // Per run, the last log line sent to its group; guarded by _sendGate, which is held while a batch
    // goes out, so that a watcher joining the group gets each line exactly once (see JoinAsync).
    private readonly Dictionary<long, long> _lastSent = [];
    private readonly HashSet<long> _seen = [];
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    /// <summary>
    /// Adds a connection to a run's group and returns the last log line already sent to it: lines up
    /// to there are the watcher's to read from the database, lines after it will reach it live. For a
    /// run this process has not seen (run elsewhere, or before a restart), every line is in the database.
    /// </summary>
    public async Task<long> JoinAsync(string connectionId, long runId, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await hub.Groups.AddToGroupAsync(connectionId, SyncHub.RunGroup(runId), cancellationToken);
            lock (_seen)
            {
                return _lastSent.TryGetValue(runId, out var seq) ? seq : _seen.Contains(runId) ? 0 : long.MaxValue;
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public void RunStarted(RunStartedEvent e)
    {
        lock (_seen)
        {
            _seen.Add(e.RunId);
        }

        _events.Writer.TryWrite(e);
    }

    public void Progress(ProgressEvent e) => _events.Writer.TryWrite(e);

    public void Log(LogEvent e) => _events.Writer.TryWrite(e);

    public void RunFinished(RunFinishedEvent e) => _events.Writer.TryWrite(e);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _events.Reader;
        var nextFlush = DateTime.UtcNow + FlushInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(FlushInterval);
                try
                {
                    await reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }

                while (reader.TryRead(out var item))
                {
                    await HandleAsync(item, stoppingToken);
                }

                if (DateTime.UtcNow >= nextFlush)
                {
                    await FlushAsync(stoppingToken);
                    nextFlush = DateTime.UtcNow + FlushInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A browser that went away must not stop updates for the others.
            catch (Exception e)
            {
                logger.LogWarning(e, "Sending sync events to browsers failed.");
            }
#pragma warning restore CA1031
        }
    }

    private async Task HandleAsync(object item, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case ProgressEvent p:
                _progress[p.RunId] = p;
                break;
            case LogEvent l:
                _logs.Add(l);
                break;
            case RunStartedEvent s:
                await SendAsync(Groups(s.RunId, s.ParentRunId, dashboard: true), "runStarted", s, cancellationToken);
                break;
            case RunFinishedEvent f:
                // Everything the run said before it ended goes first.
                await FlushAsync(cancellationToken);
                await SendAsync(Groups(f.RunId, f.ParentRunId, dashboard: true), "runFinished", RunFinishedDto.From(f), cancellationToken);
                Forget(f.RunId);
                break;
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_logs.Count > 0)
        {
            await _sendGate.WaitAsync(cancellationToken);
            try
            {
                foreach (var batch in _logs.GroupBy(l => l.RunId))
                {
                    await SendAsync([SyncHub.RunGroup(batch.Key)], "log", batch.Select(LogLineDto.From).ToList(), cancellationToken);
                    _lastSent[batch.Key] = batch.Max(l => l.Seq);
                }
            }
            finally
            {
                _sendGate.Release();
            }

            _logs.Clear();
        }
        foreach (var p in _progress.Values)
        {
            await SendAsync(Groups(p.RunId, p.ParentRunId, dashboard: true), "progress", ProgressDto.From(p), cancellationToken);
        }

        _progress.Clear();
    }

    /// <summary>
    /// A finished run's lines have all gone out (its end is sent after a flush): a watcher that joins
    /// later reads every line from the database, so nothing about it needs remembering.
    /// </summary>
    private void Forget(long runId)
    {
        lock (_seen)
        {
            _seen.Remove(runId);
            _lastSent.Remove(runId);
        }
    }

    private static List<string> Groups(long runId, long? parentRunId, bool dashboard)
    {
        var groups = new List<string> { SyncHub.RunGroup(runId) };
        if (parentRunId is { } parent)
        {
            groups.Add(SyncHub.RunGroup(parent));
        }

        if (dashboard)
        {
            groups.Add(SyncHub.Dashboard);
        }

        return groups;
    }

    public override void Dispose()
    {
        _sendGate.Dispose();
        base.Dispose();
    }

    private Task SendAsync(IReadOnlyList<string> groups, string method, object payload, CancellationToken cancellationToken) =>
        hub.Clients.Groups(groups).SendAsync(method, payload, cancellationToken);
}

/// <summary>Writes every run's log lines to the app's log (console and file) too.</summary>
internal sealed class RunLogWriter(ILogger<RunLogWriter> logger) : ISyncObserver
{
    public void RunStarted(RunStartedEvent e) { }

    public void Progress(ProgressEvent e) { }

    public void RunFinished(RunFinishedEvent e) =>
        logger.LogInformation("Sync run {RunId} ({Endpoint}) ended {Status} after {Seconds:N1} s{Error}", e.RunId, e.Endpoint, e.Status, e.Elapsed.TotalSeconds, e.Error is null ? "" : ": " + e.Error);

    public void Log(LogEvent e) => logger.Log(
        e.Level switch
        {
            Data.Bookkeeping.SyncLogLevel.Error => LogLevel.Error,
            Data.Bookkeeping.SyncLogLevel.Warning => LogLevel.Warning,
            Data.Bookkeeping.SyncLogLevel.Debug => LogLevel.Debug,
            _ => LogLevel.Information,
        },
        "Sync run {RunId}: {Message}", e.RunId, e.Message);
}
