using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Web.Live;

/// <summary>
/// Syncs run by another process on the same replica (the command line, a second app) report to their
/// own observers, not to this app's. This watcher reads their progress and log lines from the
/// database once a second and passes them on as events, so the dashboard shows every sync live.
/// </summary>
internal sealed class OtherProcessRuns(ReplicaDatabase database, HubBroadcaster hub, ILogger<OtherProcessRuns> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<long, Seen> _runs = [];

    private sealed record Seen(string Status, long Records, long LastSeq);

    /// <summary>How long a finished run stays in view, so that its end is seen even if a look fails.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = DateTime.UtcNow;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
#pragma warning disable CA1031 // A failed look (the file busy, moved) is retried on the next tick.
            try
            {
                var since = DateTime.UtcNow - Window;
                Poll(since < started ? started : since);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Could not read runs of other processes.");
            }
#pragma warning restore CA1031
        }
    }

    private void Poll(DateTime since)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var runs = new List<(long Id, string Endpoint, long? Parent, string Status, string? Site, string Mode, int Pages, long Records, long? Total, DateTime? Started, DateTime? Finished, string? Error)>();
        using (var command = SqliteCommands.Create(connection, transaction,
                   "SELECT id, endpoint, parent_run_id, status, site, mode, pages, records_fetched, total_records, started_at, finished_at, error " +
                   "FROM sync_run WHERE (owner IS NULL OR owner <> $me) AND (status IN ('Queued', 'Running') OR finished_at >= $since)",
                   ("$me", RunOwner.Current), ("$since", RunStore.Format(since))))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetInt64(7),
                    reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetDateTime(9),
                    reader.IsDBNull(10) ? null : reader.GetDateTime(10), reader.IsDBNull(11) ? null : reader.GetString(11)));
            }
        }

        foreach (var run in runs)
        {
            var known = _runs.GetValueOrDefault(run.Id);
            if (known is null && run.Status != nameof(SyncRunStatus.Queued))
            {
                hub.RunStarted(new RunStartedEvent(run.Id, run.Parent, run.Endpoint, run.Site, Enum.Parse<SyncMode>(run.Mode), run.Started ?? DateTime.UtcNow));
            }

            var lastSeq = known?.LastSeq ?? 0;
            using (var lines = SqliteCommands.Create(connection, transaction,
                       "SELECT seq, time, level, message FROM sync_log WHERE run_id = $id AND seq > $after ORDER BY seq", ("$id", run.Id), ("$after", lastSeq)))
            using (var reader = lines.ExecuteReader())
            {
                while (reader.Read())
                {
                    lastSeq = reader.GetInt64(0);
                    hub.Log(new LogEvent(run.Id, run.Parent, lastSeq, reader.GetDateTime(1), Enum.Parse<SyncLogLevel>(reader.GetString(2)), reader.GetString(3)));
                }
            }

            if (run.Status == nameof(SyncRunStatus.Running) && run.Records != known?.Records && run.Endpoint != Sync.Endpoints.EndpointCatalog.All)
            {
                var seconds = run.Started is { } started ? (DateTime.UtcNow - started).TotalSeconds : 0;
                hub.Progress(new ProgressEvent(run.Id, run.Parent, run.Endpoint, run.Pages, run.Records, run.Total, seconds > 0 ? run.Records / seconds : 0));
            }

            var ended = run.Status is not (nameof(SyncRunStatus.Queued) or nameof(SyncRunStatus.Running));
            if (ended && known?.Status != run.Status)
            {
                var elapsed = run.Started is { } s && run.Finished is { } f ? f - s : TimeSpan.Zero;
                hub.RunFinished(new RunFinishedEvent(run.Id, run.Parent, run.Endpoint, Enum.Parse<SyncRunStatus>(run.Status), run.Error, run.Records, elapsed));
            }

            _runs[run.Id] = new Seen(run.Status, run.Records, lastSeq);
        }

        transaction.Commit();
        var current = runs.Select(r => r.Id).ToHashSet();
        foreach (var gone in _runs.Keys.Where(id => !current.Contains(id)).ToList())
        {
            _runs.Remove(gone);
        }
    }
}
