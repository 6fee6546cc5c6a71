using System.Text.Json;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Engine;

/// <summary>Records of the replica that changed so that they no longer match the endpoint's filter, and why.</summary>
internal sealed record LeftFilter(IReadOnlyList<long> Ids, IReadOnlyDictionary<string, int> Reasons);

/// <summary>
/// An incremental run reads what changed <em>within</em> the endpoint's filter, so a record that
/// changed <em>out of</em> it (a work order that closed) is never read again and would stay in the
/// replica as it was. This asks Maximo what changed in the endpoint's scope without the filter (the
/// site and the cursor only; the unique id and the attributes the filter tests), and finds the live
/// replica rows that no longer match: by the endpoint's own test, or, for <c>Sync:Where</c> and
/// <c>Sync:SavedQuery</c>, which only Maximo can evaluate, by asking Maximo which of them still match.
/// </summary>
internal sealed class FilterLeavers(MaximoClient client, ReplicaStore database, SyncOptions sync)
{
    /// <summary>Records a page of the unfiltered delta: only a few attributes each, so pages can be large.</summary>
    private const int PageSize = 1000;

    /// <summary>Ids asked about in one <c>… and uid in [...]</c> query.</summary>
    private const int IdsPerQuestion = 200;

    /// <summary>True when the endpoint, as configured, reads a subset of its site's records that a record can leave.</summary>
    public bool Applies(EndpointDefinition endpoint) =>
        endpoint.Filter is not null || HasCustomFilter(endpoint);

    public async Task<LeftFilter> FindAsync(RunContext run, EndpointDefinition endpoint, string? site, MaximoQuery changedInScope, CancellationToken cancellationToken)
    {
        var custom = HasCustomFilter(endpoint);
        var select = custom || endpoint.Filter is null ? endpoint.UniqueId : string.Join(",", [endpoint.UniqueId, .. endpoint.Filter.Attributes]);
        var changed = await ChangedAsync(endpoint, changedInScope with { Select = select, SavedQuery = null }, cancellationToken);
        var live = LiveIds(endpoint, site, changed.Keys);
        if (live.Count == 0)
        {
            return new LeftFilter([], new Dictionary<string, int>());
        }

        if (!custom)
        {
            var left = live.Select(id => (Id: id, Reason: endpoint.Filter!.Excludes(changed[id], sync))).Where(l => l.Reason is not null).ToList();
            return new LeftFilter([.. left.Select(l => l.Id)], left.GroupBy(l => l.Reason!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
        }

        var stillMatching = await StillMatchingAsync(run, endpoint, site, live, cancellationToken);
        if (stillMatching is null)
        {
            return new LeftFilter([], new Dictionary<string, int>());
        }

        var gone = live.Where(id => !stillMatching.Contains(id)).ToList();
        var what = sync.Where.ContainsKey(endpoint.Slug) ? $"Sync:Where:{endpoint.Slug}" : $"Sync:SavedQuery:{endpoint.Slug}";
        return new LeftFilter(gone, gone.Count == 0 ? new Dictionary<string, int>() : new Dictionary<string, int> { [$"no longer matching {what}"] = gone.Count });
    }

    private bool HasCustomFilter(EndpointDefinition endpoint) =>
        sync.Where.TryGetValue(endpoint.Slug, out var where) && !string.IsNullOrWhiteSpace(where)
        || sync.SavedQuery.TryGetValue(endpoint.Slug, out var query) && !string.IsNullOrWhiteSpace(query);

    /// <summary>Every record of the unfiltered delta, by unique id, read through a snapshot (no order needed).</summary>
    private async Task<Dictionary<long, JsonElement>> ChangedAsync(EndpointDefinition endpoint, MaximoQuery query, CancellationToken cancellationToken)
    {
        var records = new Dictionary<long, JsonElement>();
        Uri? next = null;
        do
        {
            using var page = next is null
                ? await client.GetPageAsync(endpoint.ObjectStructure, query with { PageSize = PageSize, StablePaging = true }, cancellationToken)
                : await client.GetPageAsync(next, cancellationToken);
            foreach (var member in page.Members)
            {
                records[RangeReader.UniqueId(member, endpoint)] = member.Clone();
            }

            next = page.NextPage;
        }
        while (next is not null);

        return records;
    }

    /// <summary>Of <paramref name="ids"/>, those the replica holds live in the endpoint's scope.</summary>
    private List<long> LiveIds(EndpointDefinition endpoint, string? site, IEnumerable<long> ids)
    {
        using var connection = database.OpenConnection();
        using var command = ReplicaCommands.Create(connection, null,
            $"SELECT \"{endpoint.UniqueId}\" FROM \"{endpoint.Root.Name}\" WHERE {database.IdIn($"\"{endpoint.UniqueId}\"", "@ids")} " +
            $"AND deleted_at IS NULL{(endpoint.SiteScoped && site is not null ? " AND siteid = @site" : "")}",
            ("@ids", database.IdList(ids)), ("@site", site));
        using var reader = command.ExecuteReader();
        var live = new List<long>();
        while (reader.Read())
        {
            live.Add(reader.GetInt64(0));
        }

        return live;
    }

    /// <summary>
    /// Of <paramref name="ids"/>, those Maximo says still match the configured filter (<c>filter and uid in
    /// [...]</c>); null when the server cannot combine the two, said once in the run's log.
    /// </summary>
    private async Task<HashSet<long>?> StillMatchingAsync(RunContext run, EndpointDefinition endpoint, string? site, List<long> ids, CancellationToken cancellationToken)
    {
        var matching = new HashSet<long>();
        var filter = new MaximoQuery { Where = endpoint.Where(site, sync), SavedQuery = sync.SavedQuery.GetValueOrDefault(endpoint.Slug) };
        try
        {
            foreach (var batch in ids.Chunk(IdsPerQuestion))
            {
                var where = MaximoWhere.And(filter.Where, MaximoWhere.In(endpoint.UniqueId, batch));
                using var page = await client.GetPageAsync(endpoint.ObjectStructure,
                    filter with { Where = where, Select = endpoint.UniqueId, PageSize = IdsPerQuestion }, cancellationToken);
                matching.UnionWith(page.Members.Select(m => RangeReader.UniqueId(m, endpoint)));
            }
        }
        catch (MaximoApiException e) when (e.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            run.Warn($"Maximo could not say which of the {ids.Count:N0} changed {endpoint.ObjectStructure} records still match the configured filter " +
                     $"({e.ReasonCode ?? "HTTP 400"}); records that left it stay in the replica until the next full sync.");
            return null;
        }

        return matching;
    }
}
