using MaximoOffline.Data;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace MaximoOffline.Web.Api;

/// <summary>Reads runs, logs, endpoint states and table counts for the API, the hub and the page.</summary>
public sealed class RunQueries(IDbContextFactory<MaximoDbContext> contexts, ReplicaDatabase database)
{
    public async Task<RunDto?> RunAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.SyncRuns.AsNoTracking().Include(r => r.Tables).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var children = await db.SyncRuns.Where(r => r.ParentRunId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        return RunDto.From(run, children);
    }

    public async Task<IReadOnlyList<RunDto>> RunsAsync(int limit, string? endpoint, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.SyncRuns.AsNoTracking().Include(r => r.Tables).AsQueryable();
        if (endpoint is not null)
        {
            query = query.Where(r => r.Endpoint == endpoint);
        }

        var runs = await query.OrderByDescending(r => r.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var children = await db.SyncRuns.Where(r => r.ParentRunId != null && ids.Contains(r.ParentRunId.Value))
            .Select(r => new { r.Id, Parent = r.ParentRunId!.Value }).ToListAsync(cancellationToken);
        return [.. runs.Select(r => RunDto.From(r, [.. children.Where(c => c.Parent == r.Id).Select(c => c.Id).Order()]))];
    }

    public async Task<IReadOnlyList<LogLineDto>> LogAsync(long runId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await db.SyncLogs.AsNoTracking().Where(l => l.RunId == runId && l.Seq > afterSeq)
            .OrderBy(l => l.Seq).Take(Math.Clamp(limit, 1, 10_000)).ToListAsync(cancellationToken);
        return [.. lines.Select(LogLineDto.From)];
    }

    /// <summary>A run's log lines with <c>afterSeq &lt; seq &lt;= upToSeq</c>.</summary>
    public async Task<IReadOnlyList<LogLineDto>> LogAsync(long runId, long afterSeq, long upToSeq, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await db.SyncLogs.AsNoTracking().Where(l => l.RunId == runId && l.Seq > afterSeq && l.Seq <= upToSeq)
            .OrderBy(l => l.Seq).ToListAsync(cancellationToken);
        return [.. lines.Select(LogLineDto.From)];
    }

    public async Task<IReadOnlyList<EndpointDto>> EndpointsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var states = await db.SyncStates.AsNoTracking().ToListAsync(cancellationToken);
        var counts = Count(EndpointCatalog.DependencyOrder.Select(e => e.Root));
        var result = new List<EndpointDto>();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var runs = await db.SyncRuns.AsNoTracking().Include(r => r.Tables).Where(r => r.Endpoint == endpoint.Slug)
                .OrderByDescending(r => r.Id).Take(10).ToListAsync(cancellationToken);
            var active = runs.FirstOrDefault(r => r.Status is SyncRunStatus.Queued or SyncRunStatus.Running);
            var last = runs.FirstOrDefault(r => r.Status is not (SyncRunStatus.Queued or SyncRunStatus.Running));
            var state = states.Where(s => s.Endpoint == endpoint.Slug).OrderByDescending(s => s.LastSuccessAt).FirstOrDefault();
            result.Add(new EndpointDto(
                endpoint.Slug, endpoint.ObjectStructure, (active?.Status ?? last?.Status)?.ToString() ?? "Never synced", endpoint.SiteScoped,
                [endpoint.Root.Name, .. endpoint.ChildTables.Order()], counts[endpoint.Root.Name].Rows,
                last is null ? null : RunDto.From(last, []), active is null ? null : RunDto.From(active, []),
                RunDto.Utc(state?.LastSuccessAt), RunDto.Utc(state?.LastFullSyncAt), state?.Cursor, state?.Site));
        }

        return result;
    }

    public TablesDto Tables()
    {
        var counts = Count(ReplicaCatalog.All);
        return new TablesDto([.. ReplicaCatalog.All.Select(t => counts[t.Name])], DateTime.UtcNow);
    }

    /// <summary>Live and soft-deleted rows per table, read in one snapshot (WAL: never blocks a sync's writes).</summary>
    private Dictionary<string, TableCountDto> Count(IEnumerable<ReplicaTable> tables)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var result = new Dictionary<string, TableCountDto>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) - COUNT(deleted_at), COUNT(deleted_at) FROM \"{table.Name}\"";
            using var reader = command.ExecuteReader();
            reader.Read();
            result[table.Name] = new TableCountDto(table.Name, reader.GetInt64(0), reader.GetInt64(1));
        }

        transaction.Commit();
        return result;
    }
}
