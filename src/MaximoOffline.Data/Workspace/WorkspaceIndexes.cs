using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// An index the workspace reads through: over a table's live rows, or over its soft-deleted ones.
/// <paramref name="Ordered"/>: a list reads it in order, ties by unique id (SQLite's indexes end with the
/// unique id, the rowid, implicitly; PostgreSQL's must name it).
/// </summary>
public sealed record WorkspaceIndex(string Name, string Table, IReadOnlyList<string> Columns, bool Live, bool Ordered = false)
{
    /// <summary>The partial index's condition.</summary>
    public string Filter => $"\"{ReplicaColumns.DeletedAt}\" IS {(Live ? "" : "NOT ")}NULL";
}

/// <summary>
/// The indexes that make every list page, count and related list an index search that stops at its
/// page (the EF model adds them, so migrations create them). A list is read per site (see
/// <c>ListReader</c>), so each sort column gets one index, after the site: <c>(siteid, targstartdate)</c>.
/// The status filters (one status, or work orders' open ones) are tested on the rows the index gives
/// in order. They are partial indexes over live rows, which is what lists show and count; a list that
/// asks for deleted rows too reads them through the same indexes over the (few) soft-deleted rows, and
/// merges. Every index costs each write of the table, so there are no more than the lists need:
/// see the workspace benchmark's sync with ÷ without.
/// </summary>
public static class WorkspaceIndexes
{
    public static IReadOnlyList<WorkspaceIndex> All { get; } = Build();

    /// <summary>The index a list page of <paramref name="kind"/> sorted by <paramref name="sort"/> reads, over live or deleted rows.</summary>
    public static string SortIndex(WorkspaceKind kind, string sort, bool live) => Named(kind, [.. WorkspaceKinds.PartitionOf(kind), sort], live);

    /// <summary>The index a count of <paramref name="kind"/> reads alone (and the sites are found through).</summary>
    public static string CountIndex(WorkspaceKind kind, bool live) => Named(kind, CountColumns(kind), live);

    private static string[] CountColumns(WorkspaceKind kind) =>
        [.. WorkspaceKinds.PartitionOf(kind), .. kind.StatusColumn is { } status ? [status] : Array.Empty<string>(), ReplicaColumns.DeletedAt];

    private static string Named(WorkspaceKind kind, string[] columns, bool live)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var table = kind.Table;
        return live && columns.SequenceEqual(table.NaturalKey)
            ? $"ux_{table.Name}_natural_key"
            : All.Single(i => i.Table == table.Name && i.Live == live && i.Columns.SequenceEqual(columns)).Name;
    }

    public static IEnumerable<WorkspaceIndex> For(ReplicaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return All.Where(i => i.Table == table.Name);
    }

    private static List<WorkspaceIndex> Build()
    {
        var indexes = new List<WorkspaceIndex>();
        void Add(ReplicaTable table, string[] columns, bool live, bool ordered = false)
        {
            var natural = live && columns.SequenceEqual(table.NaturalKey); // the natural key's unique index serves
            if (!natural && !indexes.Any(i => i.Table == table.Name && i.Live == live && i.Columns.SequenceEqual(columns)))
            {
                indexes.Add(new WorkspaceIndex($"ix_{table.Name}_{(live ? "live" : "deleted")}_{string.Join("_", columns)}", table.Name, columns, live, ordered));
            }
        }

        foreach (var kind in WorkspaceKinds.All)
        {
            var partition = WorkspaceKinds.PartitionOf(kind);
            foreach (var sort in kind.Sorts)
            {
                Add(kind.Table, [.. partition, sort], live: true, ordered: true);
                Add(kind.Table, [.. partition, sort], live: false, ordered: true);
            }
        }

        // A count reads one index alone: the site and status it filters on, and deleted_at, which the
        // partial index implies but SQLite would otherwise read from each row (after raw, in its overflow pages).
        foreach (var kind in WorkspaceKinds.All)
        {
            Add(kind.Table, CountColumns(kind), live: true);
            Add(kind.Table, CountColumns(kind), live: false);
        }

        // A related list matches its columns by equality and sorts its few rows: an index that starts
        // with those columns, in any order, serves it (the natural key's included).
        foreach (var related in WorkspaceKinds.All.SelectMany(k => k.Related))
        {
            var target = WorkspaceKinds.Find(related.TargetSlug)!.Table;
            var match = related.TargetColumns.ToHashSet(StringComparer.Ordinal);
            var served = indexes.Where(i => i.Table == target.Name && i.Live).Select(i => i.Columns).Append(target.NaturalKey)
                .Any(columns => columns.Count >= match.Count && columns.Take(match.Count).ToHashSet(StringComparer.Ordinal).SetEquals(match));
            if (!served)
            {
                Add(target, related.TargetColumns, live: true);
            }
        }

        return indexes;
    }
}
