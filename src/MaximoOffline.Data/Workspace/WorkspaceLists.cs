using System.Data.Common;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Workspace.RowValues;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// The workspace's lists: a page of a kind's rows as filtered and sorted (keyset paging, never
/// OFFSET), its count, and every row of it for a CSV download. Reads only, each call in one read
/// snapshot, so a page and its count agree while a sync writes (the sync is never blocked), on either engine.
/// </summary>
public sealed class WorkspaceLists(ReplicaStore database)
{
    private readonly WorkspaceSql _sql = WorkspaceSql.For(database);

    /// <summary>Counts stop here ("10,000 or more"): a count costs at most this many index entries, however large the replica.</summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// A list filtered by words counts its matches up to search's window ("1,000 or more"): its count
    /// reads the matches one by one, so its cost is this cap, not the table's.
    /// </summary>
    public const int WordsCountLimit = WorkspaceSearch.Window;

    private const int ExportPage = 500;

    /// <summary>Tests see every statement the lists run (to check its query plan).</summary>
    internal Action<DbCommand>? Trace { get; set; }

    /// <summary>Tests lower it to read lists by common words the way a large replica does (see <see cref="ListReader.CommonMatches"/>).</summary>
    internal int CommonMatches { get; set; } = ListReader.CommonMatches;

    public ListPage Page(ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = database.OpenConnection();
        using var snapshot = database.BeginRead(connection);
        var reader = new ListReader(connection, snapshot, _sql, query, Trace, CommonMatches);
        var (positions, next) = reader.ReadPage(query.After, query.Limit);
        var (count, exact) = reader.Count(query.Text is null ? CountLimit : WordsCountLimit);
        var rows = Fetch(connection, snapshot, query.Kind, positions);
        snapshot.Commit();
        return new ListPage(query.Kind.Slug, query.Sort.ToString(), count, exact, rows, next?.Encode(query.Sort));
    }

    /// <summary>Every row the list's filters let through, in its order, read page by page in one snapshot.</summary>
    public IEnumerable<ListRow> All(ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = database.OpenConnection();
        using var snapshot = database.BeginRead(connection);
        var reader = new ListReader(connection, snapshot, _sql, query, Trace, CommonMatches);
        var after = query.After;
        do
        {
            var (positions, next) = reader.ReadPage(after, ExportPage);
            foreach (var row in Fetch(connection, snapshot, query.Kind, positions))
            {
                yield return row;
            }

            after = next;
        }
        while (after is not null);

        snapshot.Commit();
    }

    /// <summary>The names a list row's values have, in order: the columns, each described one followed by its description.</summary>
    public static IReadOnlyList<string> ValueNames(WorkspaceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return [.. kind.Columns.SelectMany(c => c.Described ? new[] { c.Name, c.Name + "_description" } : [c.Name])];
    }

    /// <summary>The list rows of <paramref name="positions"/>, in that order.</summary>
    internal List<ListRow> Fetch(DbConnection connection, DbTransaction snapshot, WorkspaceKind kind, IReadOnlyList<ListCursor> positions)
    {
        if (positions.Count == 0)
        {
            return [];
        }

        var table = kind.Table;
        var key = Quote(table.KeyColumn);
        using var command = ReplicaCommands.Create(connection, snapshot,
            $"SELECT {key}, {ReplicaColumns.DeletedAt}, {string.Join(", ", SelectList(kind, _sql))} FROM {Quote(table.Name)} " +
            $"WHERE {database.IdIn(key, "@keys")}",
            ("@keys", database.IdList(positions.Select(p => p.Key))));
        Trace?.Invoke(command);
        var rows = new Dictionary<long, ListRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            rows[id] = new ListRow(id, ReadValues(reader, kind, 2), Time(reader, 1));
        }

        return [.. positions.Where(p => rows.ContainsKey(p.Key)).Select(p => rows[p.Key])];
    }

    /// <summary>The SQL that reads a list row's values, in <see cref="ValueNames"/> order (<paramref name="alias"/>: a table alias with its dot).</summary>
    internal static IEnumerable<string> SelectList(WorkspaceKind kind, WorkspaceSql sql, string alias = "") =>
        kind.Columns.SelectMany(c => c.Described ? new[] { alias + Quote(c.Name), sql.DescriptionOf(c.Name, alias) } : [alias + Quote(c.Name)]);

    /// <summary>A list row's values from <paramref name="reader"/>, starting at column <paramref name="first"/>.</summary>
    internal static Dictionary<string, object?> ReadValues(DbDataReader reader, WorkspaceKind kind, int first)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var ordinal = first;
        foreach (var column in kind.Columns)
        {
            values[column.Name] = Read(reader, ordinal++, KindOf(kind.Table, column.Name));
            if (column.Described)
            {
                values[column.Name + "_description"] = reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
                ordinal++;
            }
        }

        return values;
    }
}
