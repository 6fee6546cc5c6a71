using System.Collections.Concurrent;
using MaximoOffline.Data.Bookkeeping;
using Microsoft.Extensions.Logging;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// The runs this process is executing. One timer, whatever their number, renews their leases and
/// passes on cancel requests made in any process (through the database) within a second.
/// </summary>
internal sealed class ActiveRuns : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<long, CancellationTokenSource> _runs = new();
    private readonly RunQueue _queue;
    private readonly RunLease _lease;
    private readonly TimeProvider _time;
    private readonly ILogger<ActiveRuns> _logger;
    private readonly ITimer _timer;
    private readonly Lock _tickGate = new();
    private DateTimeOffset _lastHeartbeat; // only read and written under _tickGate

    public ActiveRuns(RunQueue queue, RunLease lease, TimeProvider time, ILogger<ActiveRuns> logger)
    {
        (_queue, _lease, _time, _logger) = (queue, lease, time, logger);
        _timer = time.CreateTimer(_ => Tick(), null, PollInterval, PollInterval);
    }

    /// <summary>Follows a run until the returned handle is disposed; <paramref name="cancel"/> fires on a cancel request.</summary>
    public IDisposable Track(long runId, CancellationTokenSource cancel)
    {
        _runs[runId] = cancel;
        return new Untrack(this, runId);
    }

    /// <summary>Cancels a run executing in this process at once; false when it is not one of them.</summary>
    public bool TryCancel(long runId)
    {
        if (!_runs.TryGetValue(runId, out var cancel))
        {
            return false;
        }

        cancel.Cancel();
        return true;
    }

    private void Tick()
    {
        // A tick that outlasts the interval (a slow disk) makes the next one skip rather than pile up.
        if (_runs.IsEmpty || !_tickGate.TryEnter())
        {
            return;
        }

#pragma warning disable CA1031 // A missed look is retried on the next tick; it must not crash the process.
        try
        {
            foreach (var runId in _queue.CancelRequested([.. _runs.Keys]))
            {
                TryCancel(runId);
            }

            var now = _time.GetUtcNow();
            if (now - _lastHeartbeat >= RunLease.HeartbeatInterval)
            {
                _lease.Heartbeat();
                _lastHeartbeat = now;
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not renew the sync lease or read cancel requests.");
        }
        finally
        {
            _tickGate.Exit();
        }
#pragma warning restore CA1031
    }

    public void Dispose() => _timer.Dispose();

    private sealed class Untrack(ActiveRuns runs, long runId) : IDisposable
    {
        public void Dispose() => runs._runs.TryRemove(runId, out _);
    }
}
