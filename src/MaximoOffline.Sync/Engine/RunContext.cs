using System.Diagnostics;
using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Engine;

/// <summary>One run as it executes: its identity, its clock, and the one way it logs (persisted, then told).</summary>
internal sealed class RunContext(long runId, long? parentRunId, string endpoint, RunLog log, SyncEventStream events)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _logGate = new();

    public long RunId { get; } = runId;

    public long? ParentRunId { get; } = parentRunId;

    public string Endpoint { get; } = endpoint;

    public SyncEventStream Events { get; } = events;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>For an endpoint run inside <c>all</c>: the <c>all</c> run, which also logs the line (prefixed).</summary>
    public RunContext? Parent { get; init; }

    /// <summary>
    /// For the endpoints of an <c>all</c> run, which read at the same time: the page requests they may
    /// have in flight together (<c>Maximo:MaxConcurrentRequests</c> for the whole run, not each endpoint).
    /// </summary>
    public RequestLimit? SharedLimit { get; init; }

    /// <summary>For the endpoints of an <c>all</c> run: the pages they may hold together (see <see cref="PageBudget"/>).</summary>
    public PageBudget? SharedPages { get; init; }

    /// <summary>
    /// Done when the endpoints before this one in dependency order have ended: an endpoint of <c>all</c>
    /// checks its references and ends after them, so what it refers to is there.
    /// </summary>
    public Task EarlierEnded { get; init; } = Task.CompletedTask;

    public void Log(SyncLogLevel level, string message)
    {
        // Numbering and telling happen together, so observers see a run's lines in seq order even
        // when several reader threads log at once.
        lock (_logGate)
        {
            var line = log.Append(RunId, level, message);
            Events.Log(new LogEvent(RunId, ParentRunId, line.Seq, line.Time, level, message));
        }

        Parent?.Log(level, $"{Endpoint}: {message}");
    }

    public void Info(string message) => Log(SyncLogLevel.Information, message);

    public void Warn(string message) => Log(SyncLogLevel.Warning, message);

    public void Error(string message) => Log(SyncLogLevel.Error, message);

    /// <summary>A run started by this one (an endpoint of <c>all</c>).</summary>
    public RunContext Child(long childRunId, string childEndpoint, RequestLimit sharedLimit, PageBudget sharedPages, Task earlierEnded) =>
        new(childRunId, RunId, childEndpoint, log, Events) { Parent = this, SharedLimit = sharedLimit, SharedPages = sharedPages, EarlierEnded = earlierEnded };
}
