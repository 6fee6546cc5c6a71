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
        var rows = counts.Count(EndpointCatalog.DependencyOrder.Select(e => e.Root));
        var result = new List<EndpointDto>();
        foreach (var (endpoint, state, last, active) in await LatestAsync(EndpointCatalog.DependencyOrder, cancellationToken))
        {
            result.Add(new EndpointDto(
                endpoint.Slug, endpoint.ObjectStructure, (active ?? last) is { } shown ? RunStatusText.Of(shown.Run.Status) : "Never synced", endpoint.SiteScoped,
                [endpoint.Root.Name, .. endpoint.ChildTables.Order()], rows[endpoint.Root.Name].Rows,
                last is null ? null : RunDto.From(last), active is null ? null : RunDto.From(active),
                RunDto.Utc(state?.LastSuccessAt), RunDto.Utc(state?.LastFullSyncAt), state?.Cursor, state?.Site));
        }

        return result;
    }

    /// <summary>
    /// Each endpoint's latest: its state of the site it last synced successfully, its last ended run
    /// and its active one. What the dashboard's cards and the workspace's freshness both say.
    /// </summary>
    public async Task<IReadOnlyList<EndpointLatest>> LatestAsync(IEnumerable<EndpointDefinition> endpoints, CancellationToken cancellationToken)
    {
        var states = await cursors.AllAsync(cancellationToken);
        var result = new List<EndpointLatest>();
        foreach (var endpoint in endpoints)
        {
            var runs = await history.RecentAsync(10, endpoint.Slug, cancellationToken);
            result.Add(new EndpointLatest(endpoint,
                states.Where(s => s.Endpoint == endpoint.Slug).OrderByDescending(s => s.LastSuccessAt).FirstOrDefault(),
                runs.FirstOrDefault(r => !r.Run.Status.IsActive()), runs.FirstOrDefault(r => r.Run.Status.IsActive())));
        }

        return result;
    }

    public TablesDto Tables()
    {
        var rows = counts.Count(ReplicaCatalog.All);
        return new TablesDto([.. ReplicaCatalog.All.Select(t => new TableCountDto(t.Name, rows[t.Name].Rows, rows[t.Name].Deleted))], DateTime.UtcNow);
    }
}

/// <summary>An endpoint's latest state, last ended run and active run (see <see cref="RunQueries.LatestAsync"/>).</summary>
public sealed record EndpointLatest(EndpointDefinition Endpoint, SyncState? State, RunView? Last, RunView? Active);
