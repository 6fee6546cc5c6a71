using System.Text;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// The one place that sets up search everywhere: per searchable table (<see cref="ReplicaTable.SearchColumns"/>)
/// an FTS5 index over its live rows, and the triggers that keep it current.
/// </summary>
/// <remarks>
/// The index is external-content over a view of the live rows (<c>{table}_search_live</c>), so it
/// stores only the index, never a second copy of the text, and FTS5's own <c>rebuild</c> and
/// <c>integrity-check</c> see exactly the rows that should be indexed. Triggers on the table keep it
/// current inside whatever transaction changes a row: the writer's page, a sweep, a superseded
/// natural key, a child removed because its parent no longer lists it. The update trigger fires
/// only when a searched column or the row's liveness changes, so re-writing unchanged records costs
/// nothing. Columns: <c>detail=column</c> (no positions: no phrase queries, a smaller index) and
/// prefix indexes for two to four characters, so that a short prefix (<c>pump</c>, <c>12</c>) reads one
/// list instead of merging the lists of every term it starts (a longer prefix still merges: its cost
/// grows with its matches; see the workspace benchmark). One-character prefixes are not indexed. A change
/// here, or a migration that rebuilds a searchable table (SQLite's way of altering columns), needs a
/// migration that makes the index again with this SQL as it is that day, kept in its own file
/// (<c>MigrationSql</c>); a test compares a new replica's index with what this class makes.
/// <para>
/// Each page the writer commits adds a segment to the index, which FTS5 merges as it goes. It merges
/// once 16 segments of a size are there (<see cref="MergeSql"/>; FTS5's default is 4). Measured with
/// 200,000 assets written by pages of 500: index writes 1.66 s against 2.28 s, and a search for "pump"
/// 0.26 ms against 0.10 ms (more segments to open); the writer bench (100,000 assets) gained 12–34 % in rows/s over three alternating runs.
/// </para>
/// </remarks>
public static class SearchIndex
{
    private const string Options = "detail='column', prefix='2 3 4', tokenize='unicode61 remove_diacritics 2'";

    /// <summary>Searchable tables, in catalog order.</summary>
    public static IReadOnlyList<ReplicaTable> Tables { get; } = [.. ReplicaCatalog.All.Where(t => t.SearchColumns.Count > 0)];

    /// <summary>The FTS5 table of <paramref name="table"/>; its rowid is the row's unique id.</summary>
    public static string IndexOf(ReplicaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Name + "_search";
    }

    private static string LiveViewOf(ReplicaTable table) => table.Name + "_search_live";

    /// <summary>The merge settings of <paramref name="index"/> (kept in the index: set once, when it is made).</summary>
    public static string MergeSql(string index) =>
        $"INSERT INTO \"{index}\"(\"{index}\", rank) VALUES ('automerge', 16);\n" +
        $"INSERT INTO \"{index}\"(\"{index}\", rank) VALUES ('crisismerge', 32);\n";

    /// <summary>Creates every index, fills it from the live rows, and adds the triggers that keep it current.</summary>
    public static string CreateSql()
    {
        var sql = new StringBuilder();
        foreach (var table in Tables)
        {
            AppendCreate(sql, table);
        }

        return sql.ToString();
    }

    /// <summary>Removes every index and its triggers (the replica's tables and rows stay as they are).</summary>
    public static string DropSql()
    {
        var sql = new StringBuilder();
        foreach (var table in Tables)
        {
            var index = IndexOf(table);
            foreach (var trigger in new[] { "insert", "update", "delete" })
            {
                sql.Append($"DROP TRIGGER IF EXISTS \"{index}_{trigger}\";\n");
            }

            sql.Append($"DROP TABLE IF EXISTS \"{index}\";\n");
            sql.Append($"DROP VIEW IF EXISTS \"{LiveViewOf(table)}\";\n");
        }

        return sql.ToString();
    }

    private static void AppendCreate(StringBuilder sql, ReplicaTable table)
    {
        var index = IndexOf(table);
        var key = table.KeyColumn;
        var columns = table.SearchColumns;
        var list = string.Join(", ", columns);
        string Values(string row) => string.Join(", ", columns.Select(c => $"{row}.{c}"));
        var deletedAt = ReplicaColumns.DeletedAt;

        sql.Append($"CREATE VIEW \"{LiveViewOf(table)}\" AS SELECT {key}, {list} FROM \"{table.Name}\" WHERE {deletedAt} IS NULL;\n");
        sql.Append($"CREATE VIRTUAL TABLE \"{index}\" USING fts5({list}, content='{LiveViewOf(table)}', content_rowid='{key}', {Options});\n");
        sql.Append(MergeSql(index));
        sql.Append($"INSERT INTO \"{index}\"(\"{index}\") VALUES ('rebuild');\n");

        var insertNew = $"INSERT INTO \"{index}\"(rowid, {list}) SELECT new.{key}, {Values("new")} WHERE new.{deletedAt} IS NULL;";
        var deleteOld = $"INSERT INTO \"{index}\"(\"{index}\", rowid, {list}) SELECT 'delete', old.{key}, {Values("old")} WHERE old.{deletedAt} IS NULL;";
        var changed = string.Join(" OR ", columns.Select(c => $"old.{c} IS NOT new.{c}")
            .Append($"(old.{deletedAt} IS NULL) <> (new.{deletedAt} IS NULL)"));

        sql.Append($"CREATE TRIGGER \"{index}_insert\" AFTER INSERT ON \"{table.Name}\" BEGIN {insertNew} END;\n");
        sql.Append($"CREATE TRIGGER \"{index}_delete\" AFTER DELETE ON \"{table.Name}\" BEGIN {deleteOld} END;\n");
        sql.Append($"CREATE TRIGGER \"{index}_update\" AFTER UPDATE OF {list}, {deletedAt} ON \"{table.Name}\" " +
                   $"WHEN {changed} BEGIN {deleteOld} {insertNew} END;\n");
    }
}
