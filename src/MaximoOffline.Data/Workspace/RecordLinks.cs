using System.Data.Common;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Workspace.RowValues;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// What a detail page reads besides the record: references resolved by natural key against live rows,
/// child rows, and related records. Each is an index search (natural keys, owner columns, and
/// <see cref="WorkspaceIndexes"/> for related lists).
/// </summary>
internal sealed class RecordLinks(DbConnection connection, DbTransaction snapshot, WorkspaceSql sql)
{
    /// <summary>The record <paramref name="reference"/> names, or null when the row names none (its first column is empty).</summary>
    public ReferenceLink? Resolve(Reference reference, IReadOnlyDictionary<string, object?> values)
    {
        if (values.GetValueOrDefault(reference.Columns[0]) is not { } shown)
        {
            return null;
        }

        var target = WorkspaceKinds.Find(reference.TargetSlug)!;
        var match = Match(reference.TargetColumns, reference.Columns.Select(c => values.GetValueOrDefault(c)).ToList());
        using var command = ReplicaCommands.Create(connection, snapshot,
            $"SELECT {Quote(target.Table.KeyColumn)} FROM {Quote(target.Table.Name)} WHERE {ReplicaColumns.DeletedAt} IS NULL AND {match.Where} LIMIT 1",
            [.. match.Parameters]);
        return new ReferenceLink(reference.Label, shown.ToString()!, target.Slug, command.ExecuteScalar() as long?);
    }

    public ChildRows Children(WorkspaceKind kind, ChildList list, long id)
    {
        var table = list.Table;
        var owner = list.Via is { } via
            ? $"{Quote(table.OwnerColumn(via))} IN (SELECT {Quote(via.KeyColumn)} FROM {Quote(via.Name)} WHERE {Quote(via.OwnerColumn(kind.Table))} = @id)"
            : $"{Quote(table.OwnerColumn(kind.Table))} = @id";
        var linkColumns = list.Links.SelectMany(l => l.Columns).Except(list.Columns).Distinct().ToList();
        var read = list.Columns.Concat(linkColumns).ToList();
        using var command = ReplicaCommands.Create(connection, snapshot,
            $"SELECT {string.Join(", ", read.Select(Quote))} FROM {Quote(table.Name)} WHERE {owner} " +
            $"ORDER BY {Quote(list.OrderBy)} NULLS FIRST, {Quote(table.KeyColumn)} LIMIT @limit",
            ("@id", id), ("@limit", WorkspaceRecords.ChildLimit + 1));
        var rows = new List<Dictionary<string, object?>>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(read.Select((c, i) => (c, Value: Read(reader, i, KindOf(table, c)))).ToDictionary(v => v.c, v => v.Value, StringComparer.Ordinal));
            }
        }

        var shown = rows.Take(WorkspaceRecords.ChildLimit)
            .Select(r => new ChildRow(list.Columns.ToDictionary(c => c, c => r[c], StringComparer.Ordinal),
                [.. list.Links.Select(l => Resolve(l, r)).OfType<ReferenceLink>()]));
        return new ChildRows(list.Title, table.Name, list.Columns, [.. shown], rows.Count > WorkspaceRecords.ChildLimit);
    }

    public RelatedRecords Related(RelatedList related, IReadOnlyDictionary<string, object?> values)
    {
        var target = WorkspaceKinds.Find(related.TargetSlug)!;
        var keys = related.Columns.Select(c => values.GetValueOrDefault(c)).ToList();
        if (keys[0] is null)
        {
            return new RelatedRecords(related.Title, target.Slug, 0, true, []);
        }

        var match = Match(related.TargetColumns, keys);
        var where = $"{ReplicaColumns.DeletedAt} IS NULL AND {match.Where}";
        var parameters = match.Parameters;
        if (related.OpenOnly && target.StatusColumn is { } status)
        {
            var closed = target.ClosedStatuses.Select((s, i) => ($"@closed{i}", (object?)s)).ToList();
            where += $" AND ({Quote(status)} IS NULL OR {Quote(status)} NOT IN ({string.Join(", ", closed.Select(c => c.Item1))}))";
            parameters.AddRange(closed);
        }

        var table = Quote(target.Table.Name);
        var key = Quote(target.Table.KeyColumn);
        using var count = ReplicaCommands.Create(connection, snapshot,
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT @cap) c", [.. parameters, ("@cap", WorkspaceLists.CountLimit)]);
        var total = (long)count.ExecuteScalar()!;
        using var command = ReplicaCommands.Create(connection, snapshot,
            $"SELECT {key}, {ReplicaColumns.DeletedAt}, {string.Join(", ", WorkspaceLists.SelectList(target, sql))} FROM {table} WHERE {where} " +
            $"ORDER BY {Quote(target.Sorts[0])} NULLS FIRST, {key} LIMIT @limit", [.. parameters, ("@limit", WorkspaceRecords.RelatedLimit)]);
        using var reader = command.ExecuteReader();
        var items = new List<ListRow>();
        while (reader.Read())
        {
            items.Add(new ListRow(reader.GetInt64(0), WorkspaceLists.ReadValues(reader, target, 2), null));
        }

        return new RelatedRecords(related.Title, target.Slug, total, total < WorkspaceLists.CountLimit, items);
    }

    /// <summary>
    /// <c>a = @m0 AND b = @m1</c>; a null value matches a null column (<c>IS NULL</c>, not <c>IS @m1</c>:
    /// PostgreSQL reads IS NOT DISTINCT FROM through no index).
    /// </summary>
    private static (string Where, List<(string, object?)> Parameters) Match(IReadOnlyList<string> columns, List<object?> values) =>
        (string.Join(" AND ", columns.Select((c, i) => values[i] is null ? $"{Quote(c)} IS NULL" : $"{Quote(c)} = @m{i}")),
         [.. values.Select((v, i) => ($"@m{i}", v)).Where(p => p.v is not null)]);
}
