using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Endpoints;

/// <summary>How an endpoint knows what changed since its last run.</summary>
public enum CursorKind
{
    /// <summary><c>changedate &gt;= cursor - overlap</c>.</summary>
    ChangeDate,

    /// <summary><c>fetchmodedelta=1&amp;lastfetchts=N</c> (sees root-row changes only).</summary>
    Rowstamp,
}

/// <summary>
/// One endpoint: an object structure, what to select and filter, and where its JSON lands. Data,
/// plus the filter hook; the engine does the rest, the same way for all six.
/// </summary>
public sealed record EndpointDefinition
{
    public required string Slug { get; init; }

    public required string ObjectStructure { get; init; }

    /// <summary>What a person calls its records, in the plural: "work orders".</summary>
    public required string Records { get; init; }

    /// <summary>The table of the main object.</summary>
    public required ReplicaTable Root { get; init; }

    /// <summary>
    /// <c>oslc.select</c>: every attribute, and each child table of the catalog expanded under its JSON
    /// key (<c>*,maxuser{*,groupuser{*,maxgroup{*}}}</c>), so that adding a child table to the catalog
    /// is all it takes to read it.
    /// </summary>
    public string Select => _select ??= SelectClause.Build(Root);

    private string? _select;

    public required CursorKind Cursor { get; init; }

    /// <summary>True when the endpoint reads one site at a time (<c>siteid="…"</c>).</summary>
    public required bool SiteScoped { get; init; }

    /// <summary>The endpoint's own filter beyond the site (<c>wodetail</c>: open work orders), if any.</summary>
    public RecordFilter? Filter { get; init; }

    /// <summary>References to other object structures, checked after each run.</summary>
    public IReadOnlyList<ReferenceCheck> References { get; init; } = [];

    /// <summary>The Maximo unique id, which keyset paging orders and ranges on.</summary>
    public string UniqueId => Root.KeyColumn;

    /// <summary>The child tables the select expands (every descendant of the root table).</summary>
    public IReadOnlySet<string> ChildTables => _childTables ??= Descendants(Root).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _childTables;

    /// <summary>The <c>oslc.where</c> of this endpoint for <paramref name="site"/> (a <c>Sync:Where</c> setting replaces the default).</summary>
    public string? Where(string? site, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Where.TryGetValue(Slug, out var custom) && !string.IsNullOrWhiteSpace(custom))
        {
            return site is null ? custom : custom.Replace("{site}", Client.MaximoWhere.Quote(site), StringComparison.Ordinal);
        }

        return Client.MaximoWhere.And([SiteTerm(site), .. Filter?.Terms(options) ?? []]);
    }

    /// <summary>The endpoint's scope with no filter beyond the site: where records go when they leave the filter.</summary>
    public string? SiteWhere(string? site) => SiteTerm(site);

    private string? SiteTerm(string? site) => SiteScoped && site is not null ? Client.MaximoWhere.Equal("siteid", site) : null;

    private static IEnumerable<ReplicaTable> Descendants(ReplicaTable table) =>
        table.Children.SelectMany(c => Descendants(c.Table).Prepend(c.Table));
}

/// <summary>
/// An endpoint's own filter beyond the site: the terms of its <c>oslc.where</c>, the attributes they
/// test, and the same test on a record, so that an incremental run can tell which of the records that
/// changed no longer match (a work order that closed is no longer open).
/// </summary>
/// <param name="Excludes">Why a record no longer matches (its status, say), or null when it does.</param>
public sealed record RecordFilter(
    Func<SyncOptions, IEnumerable<string>> Terms,
    IReadOnlyList<string> Attributes,
    Func<System.Text.Json.JsonElement, SyncOptions, string?> Excludes);

/// <summary>
/// A reference from rows of one table to rows of another object structure, by attribute values
/// (an asset's <c>location</c> to <c>locations</c>). Not a constraint: a replica is a subset. Rows that
/// point at nothing in the replica are counted and reported after a run.
/// </summary>
public sealed record ReferenceCheck(ReplicaTable From, string[] Columns, ReplicaTable To, string[] ToColumns, string What);
