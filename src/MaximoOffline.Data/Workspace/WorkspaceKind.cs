using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// One kind of record the offline workspace shows (assets, work orders, …): its table, what its list
/// shows and sorts by, which filters it offers, and what its detail page adds (children, references,
/// related records). The six kinds are in <see cref="WorkspaceKinds"/>.
/// </summary>
public sealed record WorkspaceKind
{
    /// <summary>The name in routes: <c>/data/{slug}</c>, <c>/api/data/{slug}</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>Plural, for headings: "Work orders".</summary>
    public required string Title { get; init; }

    /// <summary>Singular, lower-case: "work order".</summary>
    public required string Singular { get; init; }

    public required ReplicaTable Table { get; init; }

    /// <summary>The attribute that names a record to people (<c>assetnum</c>, <c>wonum</c>).</summary>
    public required string NumberColumn { get; init; }

    /// <summary>The attribute that says what a record is, shown under its number.</summary>
    public string DescriptionColumn { get; init; } = "description";

    /// <summary>The columns of a list and of its CSV, in order.</summary>
    public required IReadOnlyList<ListColumn> Columns { get; init; }

    /// <summary>The columns a list can be sorted by (each has an index); the first is the default.</summary>
    public required IReadOnlyList<string> Sorts { get; init; }

    /// <summary>The status column the status filter tests, or null for a kind without one.</summary>
    public string? StatusColumn { get; init; } = "status";

    /// <summary>Maximo's closed statuses: when there are any, the list offers "open" (none of them) and "all".</summary>
    public IReadOnlyList<string> ClosedStatuses { get; init; } = [];

    /// <summary>The child tables the detail page lists, in order.</summary>
    public IReadOnlyList<ChildList> Children { get; init; } = [];

    /// <summary>The records of other kinds this one names (an asset's location), resolved or shown as "not in the replica".</summary>
    public IReadOnlyList<Reference> References { get; init; } = [];

    /// <summary>Records of other kinds that name this one (the open work orders on an asset).</summary>
    public IReadOnlyList<RelatedList> Related { get; init; } = [];

    /// <summary>True when the kind's rows carry a site (the list filters and pages by site).</summary>
    public bool SiteScoped => Table.Columns.Any(c => c.Name == SiteColumn);

    public const string SiteColumn = "siteid";

    public bool HasOpenFilter => ClosedStatuses.Count > 0;

    public override string ToString() => Slug;
}

/// <summary>A column a list shows; <paramref name="Described"/>: Maximo's <c>{name}_description</c> from <c>raw</c> goes beside it.</summary>
public sealed record ListColumn(string Name, string Label, bool Described = false);

/// <summary>
/// A reference by attribute values from a row to a record of another kind: <paramref name="Columns"/>
/// of the row match <paramref name="TargetColumns"/> of the target's live rows (a natural key). The
/// value shown is the first column's.
/// </summary>
public sealed record Reference(string Label, string TargetSlug, string[] Columns, string[] TargetColumns);

/// <summary>
/// A child table on the detail page: its rows owned by the record (or, with <paramref name="Via"/>,
/// by the record's rows of that table: a person's group memberships through their users).
/// </summary>
public sealed record ChildList(string Title, ReplicaTable Table, string[] Columns, string OrderBy, ReplicaTable? Via = null)
{
    /// <summary>Cells that link to another kind's record (a planned material to its inventory).</summary>
    public IReadOnlyList<Reference> Links { get; init; } = [];
}

/// <summary>
/// Records of another kind whose <paramref name="TargetColumns"/> hold this record's
/// <paramref name="Columns"/> (assets at a location), in the target's default order; with
/// <paramref name="OpenOnly"/>, only those not in a closed status.
/// </summary>
public sealed record RelatedList(string Title, string TargetSlug, string[] Columns, string[] TargetColumns, bool OpenOnly = false);
