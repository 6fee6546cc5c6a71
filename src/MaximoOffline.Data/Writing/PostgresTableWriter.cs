using System.Globalization;
using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Workspace.RowValues;
using Npgsql;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Writes the rows of one table as they appear under one parent table, on PostgreSQL: the page's rows
/// go into a session staging table with one binary COPY, and from there into the table with one
/// upsert; superseded natural keys and children a parent no longer lists are handled set-wise.
/// The same rules as the SQLite <see cref="TableWriter"/>: the last listing of a row in a page wins, a
/// live row holding an incoming record's natural key under another id is soft-deleted, and a child
/// that another parent still lists is unlinked rather than removed.
/// </summary>
internal sealed class PostgresTableWriter : ITableWriter, IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly ReplicaTable _table;
    private readonly string? _ownerColumn;
    private readonly RowStager _stager;
    private readonly string _name, _stage, _key;
    private readonly string _copy, _copyNew, _upsert, _anyThere, _analyze;
    private readonly string? _supersede, _selectOwned, _remove, _unlink;
    private readonly int[] _natural;

    // Rows written since the table was last analysed, and its size then (see KeepStatisticsCurrent).
    private const int AnalyzeAfterRows = 2_000;
    private long _writtenSinceAnalyze;
    private long _rowsAtAnalyze;

    public PostgresTableWriter(NpgsqlConnection connection, ReplicaTable table, ReplicaTable? owner, IReadOnlyList<ReplicaChild> children, int number)
    {
        _connection = connection;
        _table = table;
        _ownerColumn = owner is null ? null : table.OwnerColumn(owner);
        Children = children;
        _stager = new RowStager(table, children);
        _name = Quote(table.Name);
        _key = Quote(table.KeyColumn);
        _stage = Quote($"stage_{number}_{table.Name}");

        // Emptied by every commit or rollback: a page's rows never meet the next page's.
        using (var create = new NpgsqlCommand($"CREATE TEMP TABLE IF NOT EXISTS {_stage} (LIKE {_name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection))
        {
            create.ExecuteNonQuery();
        }

        var columns = StagedRow.WrittenColumns(table, _ownerColumn);
        var list = string.Join(", ", columns.Select(Quote));
        _copy = $"COPY {_stage} ({list}) FROM STDIN (FORMAT BINARY)";
        _copyNew = $"COPY {_name} ({list}) FROM STDIN (FORMAT BINARY)";
        _natural = [.. table.NaturalKey.Select(n => table.Columns.ToList().FindIndex(c => c.Name == n))];
        _anyThere = $"SELECT EXISTS (SELECT 1 FROM {_name} WHERE {_key} = ANY(@keys))";
        // The columns queries filter, join and sort on: not raw (sampling its JSON costs most of an ANALYZE
        // and no query is planned on it), and so not the search index's expression either, which
        // autovacuum's own ANALYZE keeps.
        var analyzed = table.Columns.Select(c => c.Name).Concat(table.Owners.Select(table.OwnerColumn))
            .Append(ReplicaColumns.DeletedAt).Append(ReplicaColumns.SyncRunId); // the run's checks filter on the run
        _analyze = $"ANALYZE {_name} ({string.Join(", ", analyzed.Select(Quote))})";
        var updates = columns.Skip(1).Select(c => $"{Quote(c)} = excluded.{Quote(c)}").Append($"{Quote(ReplicaColumns.DeletedAt)} = NULL");
        // Each row comes back with whether it was there before (a row the upsert updated has its old version's xmax set).
        _upsert = $"INSERT INTO {_name} AS t ({list}) SELECT {list} FROM {_stage} ON CONFLICT ({_key}) DO UPDATE SET {string.Join(", ", updates)} " +
                  $"RETURNING t.{_key}, t.xmax <> 0";

        if (table.NaturalKey.Count > 0)
        {
            var natural = string.Join(", ", table.NaturalKey.Select(Quote));
            var deletedAt = Quote(ReplicaColumns.DeletedAt);
            var same = string.Join(" AND ", table.NaturalKey.Select(n => $"t.{Quote(n)} = s.{Quote(n)}"));
            _supersede = $"UPDATE {_name} t SET {deletedAt} = @now FROM {_stage} s WHERE t.{deletedAt} IS NULL AND {same} " +
                         $"AND NOT EXISTS (SELECT 1 FROM {_stage} o WHERE o.{_key} = t.{_key})";
        }

        if (_ownerColumn is not null)
        {
            var ownerColumn = Quote(_ownerColumn);
            _selectOwned = $"SELECT {_key}, {ownerColumn} FROM {_name} WHERE {ownerColumn} = ANY(@owners)";
            var pairs = $"({_key}, {ownerColumn}) IN (SELECT * FROM unnest(@keys, @owners))";
            var otherOwners = table.Owners.Select(table.OwnerColumn).Where(c => c != _ownerColumn).Select(c => $" AND {Quote(c)} IS NULL");
            _remove = $"DELETE FROM {_name} WHERE {pairs}{string.Concat(otherOwners)}";
            if (table.Owners.Count > 1)
            {
                _unlink = $"UPDATE {_name} SET {ownerColumn} = NULL WHERE {pairs}";
            }
        }
    }

    public ReplicaTable Table => _table;

    public IReadOnlyList<ReplicaChild> Children { get; }

    public List<PostgresTableWriter> ChildWriters { get; } = [];

    public IReadOnlyList<ITableWriter> ChildTableWriters => ChildWriters;

    public IReadOnlySet<string> TakeUntypedAttributes() => _stager.TakeUntypedAttributes();

    public void ForgetUntyped(IEnumerable<string> names) => _stager.ForgetUntyped(names);

    public (List<StagedRow> Rows, Func<object, bool> Existed) Write(
        IReadOnlyList<RowInput> inputs, IReadOnlyCollection<object> replacedOwners, WriteContext context, TableCounts counts)
    {
        var rows = _stager.Stage(inputs);
        var now = DateTime.SpecifyKind(DateTime.ParseExact(context.Now, JsonValues.DateFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var existing = new HashSet<object>();
        var allNew = rows.Count > 0 && CopyNewRowsAllowed && AllNew(rows);
        if (allNew)
        {
            // Probing the key alone needs no statistics: they are brought up to date when the pages are written.
            _writtenSinceAnalyze += rows.Count;
        }
        else if (rows.Count > 0)
        {
            KeepStatisticsCurrent(rows.Count);
            Copy(rows, now, context.RunId, _copy);
            if (_supersede is not null)
            {
                using var supersede = new NpgsqlCommand(_supersede, _connection);
                supersede.Parameters.AddWithValue("now", now);
                counts.Deleted += supersede.ExecuteNonQuery();
            }
        }

        List<(object Key, object Owner)> ownedBefore = replacedOwners.Count > 0 && _selectOwned is not null ? SelectOwned(replacedOwners) : [];

        if (allNew)
        {
            // Nothing to update and no natural key to take over: straight into the table.
            Copy(rows, now, context.RunId, _copyNew);
            counts.Inserted += rows.Count;
        }
        else if (rows.Count > 0)
        {
            using var upsert = new NpgsqlCommand(_upsert, _connection);
            using var reader = upsert.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetBoolean(1))
                {
                    existing.Add(reader.GetValue(0));
                    counts.Updated++;
                }
                else
                {
                    counts.Inserted++;
                }
            }
        }

        var listed = rows.Select(r => (r.Key, r.OwnerKey!)).ToHashSet();
        var unlisted = ownedBefore.Where(o => !listed.Contains(o)).ToList();
        if (unlisted.Count > 0)
        {
            var keys = TypedArray(unlisted.Select(u => u.Key));
            var owners = TypedArray(unlisted.Select(u => u.Owner));
            using (var remove = new NpgsqlCommand(_remove, _connection))
            {
                remove.Parameters.AddWithValue("keys", keys);
                remove.Parameters.AddWithValue("owners", owners);
                counts.Deleted += remove.ExecuteNonQuery();
            }

            if (_unlink is not null)
            {
                using var unlink = new NpgsqlCommand(_unlink, _connection);
                unlink.Parameters.AddWithValue("keys", keys);
                unlink.Parameters.AddWithValue("owners", owners);
                unlink.ExecuteNonQuery();
            }
        }

        return (rows, existing.Contains);
    }

    /// <summary>
    /// Keeps the planner's picture of the table current while a sync fills it: a table that grew past
    /// what its statistics say is analysed again, so that the page's statements keep probing indexes
    /// instead of scanning a table the planner believes is small. At most a doubling apart. Pages of new
    /// rows only (a first full sync) do not need it; <see cref="PostgresReplicaWriter.Settle"/> calls it
    /// with nothing more written once the pages are in.
    /// </summary>
    internal void KeepStatisticsCurrent(int written)
    {
        _writtenSinceAnalyze += written;
        if (_writtenSinceAnalyze < Math.Max(AnalyzeAfterRows, _rowsAtAnalyze))
        {
            return;
        }

        using (var analyze = new NpgsqlCommand(_analyze, _connection))
        {
            analyze.ExecuteNonQuery();
        }

        using var estimate = new NpgsqlCommand($"SELECT reltuples::bigint FROM pg_class WHERE oid = '{_name}'::regclass", _connection);
        _rowsAtAnalyze = Math.Max(0, (long)estimate.ExecuteScalar()!);
        _writtenSinceAnalyze = 0;
    }

    /// <summary>
    /// False while a page is written again after a row appeared between <see cref="AllNew"/> and the copy
    /// (another endpoint's page holding the same child, say): every row then goes through the upsert.
    /// </summary>
    public bool CopyNewRowsAllowed { get; set; } = true;

    /// <summary>
    /// Whether none of <paramref name="rows"/> is in the table yet and no two of them share a natural key:
    /// then they can be copied in as they are, which a first sync does page after page. A live row that
    /// holds one's natural key under another id (a record Maximo deleted and created again) is left to
    /// the natural key's unique index: the copy fails, and the page is written again through the upsert.
    /// </summary>
    private bool AllNew(List<StagedRow> rows)
    {
        if (_natural.Length > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var values = _natural.Select(i => row.Values[i]).ToList();
                if (values.All(v => v is not DBNull) && !seen.Add(string.Join("\u0001", values)))
                {
                    return false;
                }
            }
        }

        using var command = new NpgsqlCommand(_anyThere, _connection);
        command.Parameters.AddWithValue("keys", TypedArray(rows.Select(r => r.Key)));
        return !(bool)command.ExecuteScalar()!;
    }

    private void Copy(List<StagedRow> rows, DateTime now, long? runId, string copy) =>
        PostgresRowCopy.Copy(_connection, copy, _table, _ownerColumn is not null, rows, now, runId);

    private List<(object, object)> SelectOwned(IReadOnlyCollection<object> owners)
    {
        using var command = new NpgsqlCommand(_selectOwned, _connection);
        command.Parameters.AddWithValue("owners", TypedArray(owners));
        var owned = new List<(object, object)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            owned.Add((reader.GetValue(0), reader.GetValue(1)));
        }

        return owned;
    }

    /// <summary>Keys as the array type PostgreSQL compares them with (ids are numbers, a few keys are text).</summary>
    private static Array TypedArray(IEnumerable<object> keys)
    {
        var list = keys.ToList();
        return list.All(k => k is long) ? list.Cast<long>().ToArray() : list.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).ToArray();
    }

    public void Dispose()
    {
        _stager.Dispose();
        foreach (var child in ChildWriters)
        {
            child.Dispose();
        }
    }
}
