using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Workspace.RowValues;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Writes the rows of one table as they appear under one parent table (or at the top of a page):
/// upserts the rows <see cref="RowStager"/> made of the page's JSON through prepared commands,
/// supersedes live rows whose natural key a new record took, and removes the children a parent no
/// longer lists.
/// </summary>
internal sealed class TableWriter : ITableWriter, IDisposable
{
    private readonly ReplicaTable _table;
    private readonly string? _ownerColumn;
    private readonly int[] _naturalKeyColumns;
    private readonly RowStager _stager;

    private readonly SqliteCommand _upsert;
    private readonly SqliteParameter[] _upsertValues;
    private readonly SqliteParameter? _upsertOwner;
    private readonly SqliteParameter _upsertRowstamp, _upsertRaw, _upsertSyncedAt, _upsertRunId;
    private readonly SqliteCommand _selectExisting;
    private readonly SqliteCommand? _selectOwned, _remove, _unlink, _supersede;
    private readonly SearchIndexWriter? _search;

    public TableWriter(SqliteConnection connection, ReplicaTable table, ReplicaTable? owner, IReadOnlyList<ReplicaChild> children)
    {
        _table = table;
        _ownerColumn = owner is null ? null : table.OwnerColumn(owner);
        Children = children;
        _stager = new RowStager(table, children);
        _naturalKeyColumns = [.. table.NaturalKey.Select(n => IndexOfColumn(table, n))];

        var key = Quote(table.KeyColumn);
        var name = Quote(table.Name);

        // Upsert: every typed column, the owner column of this parent, and the bookkeeping columns.
        var columns = StagedRow.WrittenColumns(table, _ownerColumn);
        var parameters = columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var updates = columns.Skip(1).Select(c => $"{Quote(c)} = excluded.{Quote(c)}")
            .Append($"{Quote(ReplicaColumns.DeletedAt)} = NULL");
        _upsert = Prepare(connection,
            $"INSERT INTO {name} ({string.Join(", ", columns.Select(Quote))}, {Quote(ReplicaColumns.DeletedAt)}) " +
            $"VALUES ({string.Join(", ", parameters)}, NULL) " +
            $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", updates)}",
            parameters.ToArray());
        var p = _upsert.Parameters;
        _upsertValues = [.. Enumerable.Range(0, table.Columns.Count).Select(i => p[i])];
        var next = table.Columns.Count;
        _upsertOwner = _ownerColumn is null ? null : p[next++];
        _upsertRowstamp = p[next++];
        _upsertRaw = p[next++];
        _upsertSyncedAt = p[next++];
        _upsertRunId = p[next];

        // One read of the page's existing rows; a searchable table's also gives its search index writer what it needs.
        _search = table.SearchColumns.Count > 0 && SearchIndexWriter.Exists(connection, table) ? new SearchIndexWriter(connection, table) : null;
        var existingColumns = _search is null ? "" : ", " + _search.ExistingColumns;
        _selectExisting = Prepare(connection, $"SELECT {key}{existingColumns} FROM {name} WHERE {key} IN (SELECT value FROM json_each($keys))", "$keys");

        if (_ownerColumn is not null)
        {
            var ownerColumn = Quote(_ownerColumn);
            _selectOwned = Prepare(connection,
                $"SELECT {key}, {ownerColumn} FROM {name} WHERE {ownerColumn} IN (SELECT value FROM json_each($owners))", "$owners");

            // A row that other parents still own is only unlinked from this one.
            var otherOwners = table.Owners.Select(table.OwnerColumn).Where(c => c != _ownerColumn)
                .Select(c => $" AND {Quote(c)} IS NULL");
            _remove = Prepare(connection,
                $"DELETE FROM {name} WHERE {key} = $key AND {ownerColumn} = $owner{string.Concat(otherOwners)}", "$key", "$owner");
            if (table.Owners.Count > 1)
            {
                _unlink = Prepare(connection,
                    $"UPDATE {name} SET {ownerColumn} = NULL WHERE {key} = $key AND {ownerColumn} = $owner", "$key", "$owner");
            }
        }

        if (table.NaturalKey.Count > 0)
        {
            // A live row holding the natural key of an incoming record under another unique id is a
            // record that Maximo deleted and re-created: it is superseded (soft-deleted), not lost.
            var natural = string.Join(", ", table.NaturalKey.Select(Quote));
            var extracted = string.Join(", ", table.NaturalKey.Select((_, i) => $"json_extract(value, '$[{i}]')"));
            var deletedAt = Quote(ReplicaColumns.DeletedAt);
            _supersede = Prepare(connection,
                $"UPDATE {name} SET {deletedAt} = $now WHERE {deletedAt} IS NULL " +
                $"AND {key} NOT IN (SELECT value FROM json_each($keys)) " +
                $"AND ({natural}) IN (SELECT {extracted} FROM json_each($naturals))",
                "$now", "$keys", "$naturals");
        }
    }

    public ReplicaTable Table => _table;

    public IReadOnlyList<ReplicaChild> Children { get; }

    public List<TableWriter> ChildWriters { get; } = [];

    public IReadOnlyList<ITableWriter> ChildTableWriters => ChildWriters;

    /// <summary>Attributes without a typed column first seen since the last call (each is reported once per writer).</summary>
    public IReadOnlySet<string> TakeUntypedAttributes() => _stager.TakeUntypedAttributes();

    /// <summary>Forgets attributes taken but not committed (their page rolled back), so they are reported again.</summary>
    public void ForgetUntyped(IEnumerable<string> names) => _stager.ForgetUntyped(names);

    /// <inheritdoc />
    public (List<StagedRow> Rows, Func<object, bool> Existed) Write(
        IReadOnlyList<RowInput> inputs, IReadOnlyCollection<object> replacedOwners, WriteContext context, TableCounts counts)
    {
        var rows = _stager.Stage(inputs);
        var keysJson = KeysJson(rows.Select(r => r.Key));
        var existing = rows.Count == 0 ? new Dictionary<object, object[]>() : SelectExisting(keysJson);

        if (_supersede is not null && rows.Count > 0)
        {
            _supersede.Parameters[0].Value = context.Now;
            _supersede.Parameters[1].Value = keysJson;
            _supersede.Parameters[2].Value = NaturalKeysJson(rows);
            using (ReplicaTriggers.On(_supersede.Connection!)) // one statement: its triggers keep the search index
            {
                counts.Deleted += _supersede.ExecuteNonQuery();
            }
        }

        List<(object Key, object Owner)> ownedBefore = replacedOwners.Count > 0 && _selectOwned is not null
            ? SelectOwned(KeysJson(replacedOwners))
            : [];

        _search?.BeforeUpsert(rows, existing);
        _upsertSyncedAt.Value = context.Now;
        _upsertRunId.Value = context.RunId is { } runId ? runId : DBNull.Value;
        foreach (var row in rows)
        {
            for (var i = 0; i < _upsertValues.Length; i++)
            {
                _upsertValues[i].Value = row.Values[i];
            }

            if (_upsertOwner is not null)
            {
                _upsertOwner.Value = row.OwnerKey ?? DBNull.Value;
            }

            _upsertRowstamp.Value = row.Rowstamp;
            _upsertRaw.Value = row.Raw;
            _upsert.ExecuteNonQuery();
            if (existing.ContainsKey(row.Key))
            {
                counts.Updated++;
            }
            else
            {
                counts.Inserted++;
            }
        }

        _search?.AfterUpsert();

        var listed = rows.Select(r => (r.Key, r.OwnerKey!)).ToHashSet();
        var unlisted = ownedBefore.Where(o => !listed.Contains(o)).ToList();
        if (unlisted.Count > 0)
        {
            var keys = unlisted.Select(o => o.Key).ToList();
            _search?.BeforeRemove(keys);
            foreach (var (key, owner) in unlisted)
            {
                counts.Deleted += Remove(key, owner);
            }

            _search?.AfterRemove(keys);
        }

        return (rows, existing.ContainsKey);
    }

    private int Remove(object key, object owner)
    {
        _remove!.Parameters[0].Value = key;
        _remove.Parameters[1].Value = owner;
        var deleted = _remove.ExecuteNonQuery();
        if (deleted == 0 && _unlink is not null)
        {
            _unlink.Parameters[0].Value = key;
            _unlink.Parameters[1].Value = owner;
            _unlink.ExecuteNonQuery();
        }

        return deleted;
    }

    /// <summary>The page's rows that exist already, by key, with what the search index writer reads of them (else nothing).</summary>
    private Dictionary<object, object[]> SelectExisting(string keysJson)
    {
        _selectExisting.Parameters[0].Value = keysJson;
        var existing = new Dictionary<object, object[]>();
        using var reader = _selectExisting.ExecuteReader();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount - 1];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(i + 1);
            }

            existing[reader.GetValue(0)] = values;
        }

        return existing;
    }

    private List<(object Key, object Owner)> SelectOwned(string ownersJson)
    {
        _selectOwned!.Parameters[0].Value = ownersJson;
        var owned = new List<(object, object)>();
        using var reader = _selectOwned.ExecuteReader();
        while (reader.Read())
        {
            owned.Add((reader.GetValue(0), reader.GetValue(1)));
        }

        return owned;
    }

    private static string KeysJson(IEnumerable<object> keys) => JsonSerializer.Serialize(keys);

    private string NaturalKeysJson(List<StagedRow> rows)
    {
        var values = rows.Select(r => _naturalKeyColumns.Select(c => r.Values[c] is DBNull ? null : r.Values[c]));
        return JsonSerializer.Serialize(values);
    }

    private static int IndexOfColumn(ReplicaTable table, string name)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Natural key '{name}' of '{table.Name}' is not a typed column.");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter, DBNull.Value));
        }

        return command;
    }

    /// <summary>Enlists every command of this writer and its children in <paramref name="transaction"/>.</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in Commands().Concat(_search?.Commands ?? []))
        {
            command.Transaction = transaction;
        }

        foreach (var child in ChildWriters)
        {
            child.Enlist(transaction);
        }
    }

    private IEnumerable<SqliteCommand> Commands() =>
        new[] { _upsert, _selectExisting, _selectOwned, _remove, _unlink, _supersede }.OfType<SqliteCommand>();

    public void Dispose()
    {
        _stager.Dispose();
        foreach (var command in Commands())
        {
            command.Dispose();
        }

        _search?.Dispose();

        foreach (var child in ChildWriters)
        {
            child.Dispose();
        }
    }
}
