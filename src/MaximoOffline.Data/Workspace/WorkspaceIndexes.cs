using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>An index the workspace reads through: over a table's live rows, or over its soft-deleted ones.</summary>
public sealed record WorkspaceIndex(string Name, string Table, IReadOnlyList<string> Columns, bool Live)
{
    /// <summary>The partial index's condition.</summary>
    public string Filter => $"\"{ReplicaColumns.DeletedAt}\" IS {(Live ? "" : "NOT ")}NULL";
}

/// <summary>
/// The indexes that make every list page, count and related list an index search that stops at its
/// page (the EF model adds them, so migrations create them). A list is read per site (see
/// <c>WorkspaceLists</c>), so each sort column gets an index after the site: <c>(siteid, wonum)</c>;
/// with the status filter, after the site and the status: <c>(siteid, status, wonum)</c>. They are
/// partial indexes over live rows, which is what lists show and count; a list that asks for deleted
/// rows too reads them through the same indexes over the (few) soft-deleted rows, and merges.
/// Related lists (the open work orders on an asset) get an index on the columns they match.
/// </summary>
public static class WorkspaceIndexes
{
    public static IReadOnlyList<WorkspaceIndex> All { get; } = Build();

    public static IEnumerable<WorkspaceIndex> For(ReplicaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return All.Where(i => i.Table == table.Name);
    }

    private static List<WorkspaceIndex> Build()
    {
        var indexes = new List<WorkspaceIndex>();
        void Add(ReplicaTable table, string[] columns, bool live)
        {
            var natural = live && columns.SequenceEqual(table.NaturalKey); // the natural key's unique index serves
            if (!natural && !indexes.Any(i => i.Table == table.Name && i.Live == live && i.Columns.SequenceEqual(columns)))
            {
                indexes.Add(new WorkspaceIndex($"ix_{table.Name}_{(live ? "live" : "deleted")}_{string.Join("_", columns)}", table.Name, columns, live));
            }
        }

        foreach (var kind in WorkspaceKinds.All)
        {
            var partition = WorkspaceKinds.PartitionOf(kind);
            foreach (var sort in kind.Sorts)
            {
                foreach (var live in new[] { true, false })
                {
                    Add(kind.Table, [.. partition, sort], live);
                    if (kind.StatusColumn is { } status && sort != status)
                    {
                        Add(kind.Table, [.. partition, status, sort], live);
                    }
                }
            }

            foreach (var related in kind.Related)
            {
                var target = WorkspaceKinds.Find(related.TargetSlug)!;
                Add(target.Table, [.. related.TargetColumns, target.Sorts[0]], live: true);
            }
        }

        return indexes;
    }
}
