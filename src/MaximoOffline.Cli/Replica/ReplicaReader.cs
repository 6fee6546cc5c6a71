using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Endpoints;

namespace MaximoOffline.Cli.Replica;

/// <summary>
/// What <c>status</c>, <c>monitor</c> and the summary after a sync show, read through the bookkeeping
/// gateway over a read-only connection: that never creates the file, never takes a write lock, and in
/// WAL mode never blocks a sync writing in another process.
/// </summary>
internal sealed class ReplicaReader(string path)
{
    private readonly ReplicaDatabase _database = ReplicaDatabase.ReadOnly(path);

    public string Path { get; } = path;

    /// <summary>The replica's state now; null when there is no replica (or no schema) at <see cref="Path"/> yet.</summary>
    public async Task<ReplicaStatus?> TryReadAsync(CancellationToken cancellationToken = default)
    {
        if (!_database.HasSchema())
        {
            return null;
        }

        var history = new RunHistory(_database);
        var states = await new SyncCursors(_database, TimeProvider.System).AllAsync(cancellationToken);
        var tables = new ReplicaCounts(_database).Count(ReplicaCatalog.All).ToDictionary(t => t.Key, t => t.Value.Rows, StringComparer.Ordinal);
        var endpoints = new List<EndpointStatus>();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var mine = states.Where(s => s.Endpoint == endpoint.Slug).ToList();
            endpoints.Add(new EndpointStatus(endpoint.Slug, endpoint.ObjectStructure, endpoint.Root.Name,
                await LastRunAsync(history, endpoint.Slug, cancellationToken), RunInfo.Utc(mine.Max(s => s.LastSuccessAt)),
                RunInfo.Utc(mine.Max(s => s.LastFullSyncAt)), tables[endpoint.Root.Name]));
        }

        return new ReplicaStatus(Path, DateTime.UtcNow, await LastRunAsync(history, EndpointCatalog.All, cancellationToken), endpoints, tables);
    }

    /// <summary>A run and, for <c>all</c>, the endpoint runs it started, in order.</summary>
    public async Task<IReadOnlyList<RunInfo>> RunAndChildrenAsync(long runId, CancellationToken cancellationToken = default) =>
        [.. (await new RunHistory(_database).RunAndChildrenAsync(runId, cancellationToken)).Select(RunInfo.From)];

    /// <summary>Per table: what a run and its endpoint runs wrote, and the live rows now.</summary>
    public async Task<IReadOnlyList<TableChange>> ChangesAsync(long runId, CancellationToken cancellationToken = default)
    {
        var totals = (await new RunHistory(_database).TotalsAsync(runId, cancellationToken)).ToDictionary(t => t.Table, StringComparer.Ordinal);
        var changed = ReplicaCatalog.All.Where(t => totals.ContainsKey(t.Name)).ToList();
        var rows = new ReplicaCounts(_database).Count(changed);
        return [.. changed.Select(t => totals[t.Name]).Select(t => new TableChange(t.Table, t.Inserted, t.Updated, t.Deleted, rows[t.Table].Rows))];
    }

    private static async Task<RunInfo?> LastRunAsync(RunHistory history, string endpoint, CancellationToken cancellationToken) =>
        (await history.RecentAsync(1, endpoint, cancellationToken)) is [var last, ..] ? RunInfo.From(last.Run) : null;
}
