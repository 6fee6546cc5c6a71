using MaximoOffline.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>A run as it reads back: its row with per-table counts, and the endpoint runs it started.</summary>
public sealed record RunView(SyncRun Run, IReadOnlyList<long> Children);

/// <summary>What one run (an endpoint, or <c>all</c> with its endpoint runs) wrote to one table.</summary>
public sealed record RunTableTotals(string Table, long Inserted, long Updated, long Deleted);

/// <summary>
/// Reads the run history for the web API, the dashboard, the cross-process watcher, the command line
/// and the health check: every read of <c>sync_run</c> and <c>sync_run_table</c> outside the engine's
/// own bookkeeping goes through here.
/// </summary>
public sealed class RunHistory(ReplicaStore database)
{
    public async Task<RunView?> RunAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var run = await db.SyncRuns.AsNoTracking().Include(r => r.Tables).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var children = await db.SyncRuns.Where(r => r.ParentRunId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        return new RunView(run, children);
    }

    /// <summary>The newest runs first, of one endpoint (or <c>all</c>) or of every one.</summary>
    public async Task<IReadOnlyList<RunView>> RecentAsync(int limit, string? endpoint = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var query = db.SyncRuns.AsNoTracking().Include(r => r.Tables).AsQueryable();
        if (endpoint is not null)
        {
            query = query.Where(r => r.Endpoint == endpoint);
        }

        var runs = await query.OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var children = await db.SyncRuns.Where(r => r.ParentRunId != null && ids.Contains(r.ParentRunId.Value))
            .Select(r => new { r.Id, Parent = r.ParentRunId!.Value }).ToListAsync(cancellationToken);
        return [.. runs.Select(r => new RunView(r, [.. children.Where(c => c.Parent == r.Id).Select(c => c.Id).Order()]))];
    }

    /// <summary>A run and, for <c>all</c>, the endpoint runs it started, in order.</summary>
    public async Task<IReadOnlyList<SyncRun>> RunAndChildrenAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.SyncRuns.AsNoTracking().Where(r => r.Id == runId || r.ParentRunId == runId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Per table: what a run and its endpoint runs wrote.</summary>
    public async Task<IReadOnlyList<RunTableTotals>> TotalsAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var runs = db.SyncRuns.Where(r => r.Id == runId || r.ParentRunId == runId).Select(r => r.Id);
        return await db.SyncRunTables.AsNoTracking().Where(t => runs.Contains(t.RunId))
            .GroupBy(t => t.TableName)
            .Select(g => new RunTableTotals(g.Key, g.Sum(t => t.Inserted), g.Sum(t => t.Updated), g.Sum(t => t.Deleted)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Runs another process owns (the command line, another app on the same replica) that are queued or
    /// running, or that ended at or after <paramref name="endedSince"/> (UTC); only those started by
    /// <paramref name="trigger"/> when one is given.
    /// </summary>
    public async Task<IReadOnlyList<SyncRun>> OfOtherProcessesAsync(DateTime endedSince, SyncTrigger? trigger = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var me = RunOwner.Current;
        var runs = db.SyncRuns.AsNoTracking().Include(r => r.Tables)
            .Where(r => (r.Owner == null || r.Owner != me)
                        && (r.Status == SyncRunStatus.Queued || r.Status == SyncRunStatus.Running || r.FinishedAt >= endedSince));
        if (trigger is { } only)
        {
            runs = runs.Where(r => r.Trigger == only);
        }

        return await runs.OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>How many runs the replica has recorded: a query that needs the schema, for health checks.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.SyncRuns.CountAsync(cancellationToken);
    }
}
