using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Web.Hosting;

namespace MaximoOffline.Web.Live;

/// <summary>
/// The adapter that brings runs of other processes on the same replica (the command line, a second
/// app) into this app's one event stream: they report to their own observers, not to ours, so this
/// reads their starts, progress, log lines and ends from the database once a second and raises them
/// as events, and the dashboard shows every sync live. On a team server with Redis, every node publishes
/// the runs it executes to every node's browsers itself; then only the command line's runs are read here,
/// and on PostgreSQL, where the command line does not sync, nothing is: the database is not asked every second for nothing.
/// </summary>
internal sealed class OtherProcessRuns(RunHistory history, RunLog log, SyncEventStream events, TimeProvider time, ILogger<OtherProcessRuns> logger,
    IEnumerable<RedisConnection> redis, ReplicaStore replica) : BackgroundService
{
    private readonly bool _nodesPublish = redis.Any();

    /// <summary>True when no other process can run a sync this app does not hear of through Redis.</summary>
    private bool NothingToRead => _nodesPublish && replica.Provider == ReplicaProvider.Postgres;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long a finished run stays in view, so that its end is seen even if a look fails.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<long, Seen> _runs = [];

    private sealed record Seen(SyncRunStatus Status, long Records, long LastSeq);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (NothingToRead)
        {
            logger.LogDebug("Runs of other nodes arrive through Redis, and the command line does not sync a PostgreSQL replica: no runs are read from the database.");
            return;
        }

        var started = time.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
#pragma warning disable CA1031 // A failed look (the file busy, moved) is retried on the next tick.
            try
            {
                var since = time.GetUtcNow().UtcDateTime - Window;
                await PollAsync(since < started ? started : since, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not read runs of other processes.");
            }
#pragma warning restore CA1031
        }
    }

    private async Task PollAsync(DateTime since, CancellationToken cancellationToken)
    {
        // With Redis, the nodes publish the runs they execute themselves: only the command line's are read here.
        var runs = await history.OfOtherProcessesAsync(since, _nodesPublish ? SyncTrigger.Cli : null, cancellationToken);
        foreach (var run in runs)
        {
            var known = _runs.GetValueOrDefault(run.Id);
            // Started once it is no longer queued: a run first seen while queued (its process still starting) starts later.
            if (run.Status != SyncRunStatus.Queued && (known is null || known.Status == SyncRunStatus.Queued))
            {
                events.RunStarted(new RunStartedEvent(run.Id, run.ParentRunId, run.Endpoint, run.Site, run.Mode, Utc(run.StartedAt) ?? time.GetUtcNow().UtcDateTime));
            }

            var lastSeq = known?.LastSeq ?? 0;
            foreach (var line in await log.AfterAsync(run.Id, lastSeq, int.MaxValue, cancellationToken))
            {
                lastSeq = line.Seq;
                events.Log(new LogEvent(run.Id, run.ParentRunId, line.Seq, Utc(line.Time)!.Value, line.Level, line.Message));
            }

            if (run.Status == SyncRunStatus.Running && run.RecordsFetched != known?.Records && run.Endpoint != EndpointCatalog.All)
            {
                var seconds = run.StartedAt is { } start ? (time.GetUtcNow().UtcDateTime - Utc(start)!.Value).TotalSeconds : 0;
                var tables = run.Tables.ToDictionary(t => t.TableName, t => new TableTotals(t.Inserted, t.Updated, t.Deleted), StringComparer.Ordinal);
                events.Progress(new ProgressEvent(run.Id, run.ParentRunId, run.Endpoint, run.Pages, run.RecordsFetched, run.TotalRecords,
                    seconds > 0 ? run.RecordsFetched / seconds : 0, tables));
            }

            if (!run.Status.IsActive() && known?.Status != run.Status)
            {
                events.RunFinished(RunFinishedEvent.From(run));
            }

            _runs[run.Id] = new Seen(run.Status, run.RecordsFetched, lastSeq);
        }

        var current = runs.Select(r => r.Id).ToHashSet();
        foreach (var gone in _runs.Keys.Where(id => !current.Contains(id)).ToList())
        {
            _runs.Remove(gone);
        }
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
