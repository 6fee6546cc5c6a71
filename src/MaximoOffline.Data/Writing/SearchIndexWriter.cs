using System.Text.Json;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Keeps one table's search index current for the rows the writer writes, a page at a time and in the
/// page's transaction, while the table's triggers are off (see <see cref="ReplicaTriggers"/>): the
/// words of a row whose searched columns change (or that comes back to life) leave the index before
/// the row is written and the new ones enter it after; rows the writer removes leave it first.
/// </summary>
internal sealed class SearchIndexWriter : IDisposable
{
    private readonly int[] _slots;
    private readonly SqliteCommand _delete, _insert;
    private List<object> _changed = [];

    public SearchIndexWriter(SqliteConnection connection, ReplicaTable table)
    {
        _slots = [.. table.SearchColumns.Select(c => table.Columns.ToList().FindIndex(col => col.Name == c))];
        var key = table.KeyColumn;
        var columns = string.Join(", ", table.SearchColumns);
        var index = SearchIndex.IndexOf(table);
        const string keys = "(SELECT value FROM json_each($keys))";
        ExistingColumns = $"{ReplicaColumns.DeletedAt} IS NULL, {columns}";
        // External content: FTS5 reads the words to remove from the live rows as they are now.
        _delete = Create(connection, $"DELETE FROM \"{index}\" WHERE rowid IN (SELECT {key} FROM \"{table.Name}\" " +
                                     $"WHERE {key} IN {keys} AND {ReplicaColumns.DeletedAt} IS NULL)");
        _insert = Create(connection, $"INSERT INTO \"{index}\"(rowid, {columns}) SELECT {key}, {columns} FROM \"{table.Name}\" " +
                                     $"WHERE {key} IN {keys} AND {ReplicaColumns.DeletedAt} IS NULL");
    }

    /// <summary>True when the replica has <paramref name="table"/>'s search index (a replica without one is written without).</summary>
    public static bool Exists(SqliteConnection connection, ReplicaTable table)
    {
        using var command = Create(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = $name", "$name");
        command.Parameters[0].Value = SearchIndex.IndexOf(table);
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>
    /// What the writer reads of each existing row besides its key, in its one read of the page's
    /// existing rows: whether it is live, then its searched columns (see <see cref="BeforeUpsert"/>).
    /// </summary>
    public string ExistingColumns { get; }

    /// <summary>
    /// Before <paramref name="rows"/> are upserted: takes out of the index the ones whose words change.
    /// <paramref name="existing"/> holds each existing row's <see cref="ExistingColumns"/> by key.
    /// </summary>
    public void BeforeUpsert(IReadOnlyList<StagedRow> rows, IReadOnlyDictionary<object, object[]> existing)
    {
        _changed = [.. rows.Where(r => !existing.TryGetValue(r.Key, out var was) || (long)was[0] == 0
                                      || _slots.Where((slot, i) => !Equals(r.Values[slot], was[i + 1])).Any())
                           .Select(r => r.Key)];
        Execute(_delete, _changed);
    }

    /// <summary>After the upserts: the changed rows' words enter the index.</summary>
    public void AfterUpsert() => Execute(_insert, _changed);

    /// <summary>Before rows are removed (or unlinked from one of their owners): their words leave the index.</summary>
    public void BeforeRemove(IReadOnlyCollection<object> keys) => Execute(_delete, keys);

    /// <summary>After the removals: the rows that another owner kept come back.</summary>
    public void AfterRemove(IReadOnlyCollection<object> keys) => Execute(_insert, keys);

    public IEnumerable<SqliteCommand> Commands => [_delete, _insert];

    public void Dispose()
    {
        foreach (var command in Commands)
        {
            command.Dispose();
        }
    }

    private static void Execute(SqliteCommand command, IReadOnlyCollection<object> keys)
    {
        if (keys.Count > 0)
        {
            command.Parameters[0].Value = Json(keys);
            command.ExecuteNonQuery();
        }
    }

    private static string Json(IEnumerable<object> keys) => JsonSerializer.Serialize(keys);

    private static SqliteCommand Create(SqliteConnection connection, string sql, string parameter = "$keys")
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter(parameter, DBNull.Value));
        return command;
    }
}
