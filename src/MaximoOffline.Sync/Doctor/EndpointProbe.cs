using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// One object structure as its endpoint's sync would read it, in a few light requests: the count in
/// scope, the children the server has against those the sync selects, one page at the configured size
/// (halved while too heavy), then how the server treats order, <c>maxrowstamp</c> and deltas.
/// </summary>
internal sealed class EndpointProbe(ProbeRequests maximo, MaximoOptions options, SyncOptions sync, TimeProvider time)
{
    private readonly PageProbe _page = new(maximo, options, time);
    private readonly CursorChecks _cursor = new(maximo, options, time);

    public const string NoSite = "Not checked: it reads one site at a time, and no site is known.";

    /// <summary>The endpoint's scope for the site: its filter and saved query, as the sync builds them.</summary>
    public MaximoQuery Scope(EndpointDefinition endpoint, string? site) =>
        new() { Where = endpoint.Where(endpoint.SiteScoped ? site : null, sync), SavedQuery = sync.SavedQuery.GetValueOrDefault(endpoint.Slug) };

    public async Task<EndpointFinding> CheckAsync(EndpointDefinition endpoint, string? site, CancellationToken cancellationToken)
    {
        var configured = options.PageSizeFor(endpoint.Slug);
        if (endpoint.SiteScoped && site is null)
        {
            return NotChecked(endpoint, null, configured, NoSite);
        }

        var scope = Scope(endpoint, site);
        long count;
        try
        {
            count = await maximo.CountAsync(endpoint.ObjectStructure, scope, cancellationToken);
        }
        catch (MaximoException e)
        {
            return NotChecked(endpoint, scope.Where, configured, e.Message);
        }

        var (children, select) = await ChildrenAsync(endpoint, cancellationToken);
        var page = await _page.CheckAsync(endpoint, scope, select, cancellationToken);
        var order = await _cursor.OrderAsync(endpoint, scope, count, cancellationToken);
        var (maxRowstamp, rowstampDelta) = await _cursor.RowstampAsync(endpoint, scope, count, cancellationToken);
        var delta = endpoint.Cursor == CursorKind.ChangeDate ? await _cursor.ChangeDateDeltaAsync(endpoint, scope, cancellationToken) : rowstampDelta;
        return new EndpointFinding(endpoint.Slug, endpoint.ObjectStructure, CursorName(endpoint), scope.Where, count, children, page, order, maxRowstamp, delta,
            configured, null);
    }

    /// <summary>An endpoint whose checks stopped before its count was answered, and why.</summary>
    public static EndpointFinding NotChecked(EndpointDefinition endpoint, string? where, int pageSize, string why) =>
        new(endpoint.Slug, endpoint.ObjectStructure, CursorName(endpoint), where, null, null, null, null, null, null, pageSize, why);

    private static string CursorName(EndpointDefinition endpoint) => endpoint.Cursor == CursorKind.ChangeDate ? "changedate" : "rowstamp";

    /// <summary>
    /// The children <c>jsonschemas/{os}</c> lists against the catalog's, and the select a sync reads with:
    /// <c>Sync:Select:&lt;slug&gt;</c> when set, else the catalog's children that the server has (all of
    /// them when the schema cannot be read, or names none: the sync then asks for every one).
    /// </summary>
    private async Task<(ChildrenFinding Children, string Select)> ChildrenAsync(EndpointDefinition endpoint, CancellationToken cancellationToken)
    {
        var catalog = SelectClause.CatalogPaths(endpoint.Root);
        var configured = sync.Select.TryGetValue(endpoint.Slug, out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
        ObjectStructureSchema? schema = null;
        string? error = null;
        try
        {
            using var document = await maximo.DocumentAsync($"jsonschemas/{endpoint.ObjectStructure.ToLowerInvariant()}", cancellationToken);
            schema = ObjectStructureSchema.Parse(document.RootElement);
        }
        catch (MaximoException e)
        {
            error = e.Message;
        }

        var server = schema?.Children.Order(StringComparer.Ordinal).ToList() ?? [];
        var readable = schema is { Attributes.Count: > 0 } && (catalog.Count == 0 || catalog.Any(schema.Children.Contains));
        if (schema is not null && !readable)
        {
            error = "the schema names none of the catalog's children";
        }

        var kept = readable ? catalog.Where(schema!.Children.Contains).ToHashSet(StringComparer.Ordinal) : catalog.ToHashSet(StringComparer.Ordinal);
        var (select, source) = configured is not null
            ? (configured, $"Sync:Select:{endpoint.Slug}")
            : (SelectClause.Build(endpoint.Root, kept.Contains), readable ? "catalog, checked against the server's schema" : "catalog");
        var selected = configured is not null ? SelectClause.ChildPaths(configured).Order(StringComparer.Ordinal).ToList() : [.. catalog.Where(kept.Contains).Order(StringComparer.Ordinal)];
        var missing = readable ? catalog.Where(p => !schema!.Children.Contains(p)).ToList() : [];
        var notSelected = server.Where(p => !selected.Contains(p)).ToList();
        return (new ChildrenFinding(server, selected, missing, notSelected, source, error), select);
    }
}
