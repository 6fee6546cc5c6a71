using System.Diagnostics;
using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Engine;

/// <summary>One run as it executes: its identity, and the one way it logs (persisted, then observed).</summary>
internal sealed class RunContext(long runId, long? parentRunId, string endpoint, RunStore store, ISyncObserver observer)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public long RunId { get; } = runId;

    public long? ParentRunId { get; } = parentRunId;

    public string Endpoint { get; } = endpoint;

    public ISyncObserver Observer { get; } = observer;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The error a run ends with, when a step decided it fails.</summary>
    public string? LastError { get; set; }

    private readonly Lock _logGate = new();

    public void Log(SyncLogLevel level, string message)
    {
        // Numbering and telling happen together, so observers see a run's lines in seq order even
        // when several reader threads log at once.
        lock (_logGate)
        {
            var (seq, time) = store.AppendLog(RunId, level, message);
            Observer.Log(new LogEvent(RunId, ParentRunId, seq, time, level, message));
        }

        ParentLog?.Invoke(level, $"{Endpoint}: {message}");
    }

    /// <summary>For an endpoint run inside <c>all</c>: also log the line (prefixed) in the <c>all</c> run.</summary>
    public Action<SyncLogLevel, string>? ParentLog { get; init; }

    public void Info(string message) => Log(SyncLogLevel.Information, message);

    public void Warn(string message) => Log(SyncLogLevel.Warning, message);

    public void Error(string message) => Log(SyncLogLevel.Error, message);
}
