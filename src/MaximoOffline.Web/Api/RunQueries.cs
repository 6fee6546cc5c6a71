using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Endpoints;

namespace MaximoOffline.Web.Api;

/// <summary>The web app's read model: runs, logs, endpoint states and table counts from the bookkeeping gateway, as the API's DTOs.</summary>
public sealed class RunQueries(RunHistory history, RunLog log, SyncCursors cursors, ReplicaCounts counts)
{
    public async Task<RunDto?> RunAsync(long id, CancellationToken cancellationToken) =>
        await history.RunAsync(id, cancellationToken) is { } view ? RunDto.From(view) : null;

    public async Task<IReadOnlyList<RunDto>> RunsAsync(int limit, string? endpoint, CancellationToken cancellationToken) =>
        [.. (await history.RecentAsync(Math.Clamp(limit, 1, 500), endpoint, cancellationToken)).Select(RunDto.From)];

    public async Task<IReadOnlyList<LogLineDto>> LogAsync(long runId, long afterSeq, int limit, CancellationToken cancellationToken) =>
        [.. (await log.AfterAsync(runId, afterSeq, Math.Clamp(limit, 1, 10_000), cancellationToken)).Select(LogLineDto.From)];

    /// <summary>A run's log lines with <c>afterSeq &lt; seq &lt;= upToSeq</c>.</summary>
    public async Task<IReadOnlyList<LogLineDto>> LogAsync(long runId, long afterSeq, long upToSeq, CancellationToken cancellationToken) =>
        [.. (await log.BetweenAsync(runId, afterSeq, upToSeq, cancellationToken)).Select(LogLineDto.From)];

    public async Task<IReadOnlyList<EndpointDto>> EndpointsAsync(CancellationToken cancellationToken)
    {
        var states = await cursors.AllAsync(cancellationToken);
        var rows = counts.Count(EndpointCatalog.DependencyOrder.Select(e => e.Root));
        var result = new List<EndpointDto>();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var runs = await history.RecentAsync(10, endpoint.Slug, cancellationToken);
            var active = runs.FirstOrDefault(r => r.Run.Status.IsActive());
            var last = runs.FirstOrDefault(r => !r.Run.Status.IsActive());
            var state = states.Where(s => s.Endpoint == endpoint.Slug).OrderByDescending(s => s.LastSuccessAt).FirstOrDefault();
            result.Add(new EndpointDto(
                endpoint.Slug, endpoint.ObjectStructure, (active ?? last) is { } shown ? RunStatusText.Of(shown.Run.Status) : "Never synced", endpoint.SiteScoped,
                [endpoint.Root.Name, .. endpoint.ChildTables.Order()], rows[endpoint.Root.Name].Rows,
                last is null ? null : RunDto.From(last), active is null ? null : RunDto.From(active),
                RunDto.Utc(state?.LastSuccessAt), RunDto.Utc(state?.LastFullSyncAt), state?.Cursor, state?.Site));
        }

        return result;
    }

    public TablesDto Tables()
    {
        var rows = counts.Count(ReplicaCatalog.All);
        return new TablesDto([.. ReplicaCatalog.All.Select(t => new TableCountDto(t.Name, rows[t.Name].Rows, rows[t.Name].Deleted))], DateTime.UtcNow);
    }
}
