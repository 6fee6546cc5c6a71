using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Replica;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// The write path of the replica. Takes one page of Maximo records (lean JSON objects of a root
/// table, with their child arrays) and, in one transaction: upserts the records by unique id,
/// replaces each record's children, and reports inserted/updated/deleted counts per table. A page
/// is written whole or not at all. Commands are prepared once per writer and reused for every page.
/// </summary>
public sealed class ReplicaWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly TableWriter _root;
    private readonly List<TableWriter> _all = [];

    /// <param name="connection">An open connection to a migrated replica; the writer uses it alone.</param>
    /// <param name="root">The table of the object structure's main object.</param>
    /// <param name="childTables">
    /// The child tables the records carry (the ones the query selects); null for all of them. A
    /// selected child array that a record omits means the record has none.
    /// </param>
    public ReplicaWriter(SqliteConnection connection, ReplicaTable root, IReadOnlySet<string>? childTables = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(root);
        if (!root.IsRoot)
        {
            throw new ArgumentException($"'{root.Name}' is not the main object of an object structure.", nameof(root));
        }

        _connection = connection;
        _time = time ?? TimeProvider.System;
        _root = Build(root, owner: null, childTables);
    }

    public ReplicaTable Root => _root.Table;

    /// <summary>
    /// Writes one page in one transaction. <paramref name="alsoInTransaction"/> runs inside the same
    /// transaction after the rows are written (a run's progress and cursor), so that they commit or
    /// roll back together. Throws <see cref="ReplicaWriteException"/> for a record that cannot be
    /// written; the database is then as it was before the call.
    /// </summary>
    public PageWriteResult WritePage(IReadOnlyList<JsonElement> records, long? syncRunId = null, Action<SqliteTransaction, PageWriteResult>? alsoInTransaction = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var context = new WriteContext(_time.GetUtcNow().UtcDateTime.ToString(JsonValues.DateFormat, CultureInfo.InvariantCulture), syncRunId);
        var counts = new Dictionary<string, TableCounts>(StringComparer.Ordinal);

        using var transaction = _connection.BeginTransaction();
        _root.Enlist(transaction);
        IReadOnlyDictionary<string, IReadOnlySet<string>>? taken = null;
        try
        {
            var inputs = new RowInput[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                inputs[i] = new RowInput(records[i], null, i);
            }

            using (ReplicaTriggers.Off(_connection)) // the writer keeps the search index itself (see ReplicaTriggers)
            {
                WriteLevel(_root, inputs, [], context, counts);
            }

            var result = new PageWriteResult(records.Count, counts, TakeUntyped());
            taken = result.UntypedAttributes;
            alsoInTransaction?.Invoke(transaction, result);
            transaction.Commit();
            return result;
        }
        catch (SqliteException e)
        {
            transaction.Rollback();
            Forget(taken ?? TakeUntyped());
            var problem = e.SqliteErrorCode == 13 // SQLITE_FULL
                ? "the replica database is full (the disk is full, or Sync:MaxDatabaseMegabytes is reached); free space or raise the limit, then sync again"
                : e.Message;
            throw new ReplicaWriteException($"Writing a page of {_root.Table.Name} records failed: {problem}. Nothing of the page was written.", e);
        }
        catch
        {
            transaction.Rollback();
            Forget(taken ?? TakeUntyped());
            throw;
        }
        finally
        {
            _root.Enlist(null);
        }
    }

    private void Forget(IReadOnlyDictionary<string, IReadOnlySet<string>> untyped)
    {
        foreach (var writer in _all)
        {
            if (untyped.TryGetValue(writer.Table.Name, out var names))
            {
                writer.ForgetUntyped(names);
            }
        }
    }

    private Dictionary<string, IReadOnlySet<string>> TakeUntyped()
    {
        var untyped = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var writer in _all)
        {
            var names = writer.TakeUntypedAttributes();
            if (names.Count > 0)
            {
                untyped[writer.Table.Name] = untyped.TryGetValue(writer.Table.Name, out var seen) ? seen.Union(names).ToHashSet() : names;
            }
        }

        return untyped;
    }

    private static void WriteLevel(TableWriter writer, IReadOnlyList<RowInput> inputs, IReadOnlyCollection<object> replacedOwners,
        WriteContext context, Dictionary<string, TableCounts> counts)
    {
        if (!counts.TryGetValue(writer.Table.Name, out var tableCounts))
        {
            counts[writer.Table.Name] = tableCounts = new TableCounts();
        }

        var (rows, existing) = writer.Write(inputs, replacedOwners, context, tableCounts);
        if (rows.Count == 0)
        {
            return;
        }

        for (var c = 0; c < writer.ChildWriters.Count; c++)
        {
            var childInputs = new List<RowInput>();
            foreach (var row in rows)
            {
                AddChildInputs(childInputs, row.Children[c], row.Key, writer.ChildWriters[c].Table);
            }

            // Only parents that existed before can have children to remove.
            var replaced = rows.Where(r => existing.ContainsKey(r.Key)).Select(r => r.Key).ToList();
            WriteLevel(writer.ChildWriters[c], childInputs, replaced, context, counts);
        }
    }

    /// <summary>A child list is a JSON array, or (doclinks) an object whose <c>member</c> array holds the rows.</summary>
    private static void AddChildInputs(List<RowInput> inputs, JsonElement list, object ownerKey, ReplicaTable table)
    {
        switch (list.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return;
            case JsonValueKind.Object when list.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Array:
                list = member;
                break;
            case JsonValueKind.Object when !list.TryGetProperty("member", out _):
                // A linked but not expanded child ({"href": …}) carries no rows.
                return;
            case JsonValueKind.Array:
                break;
            default:
                throw new ReplicaWriteException(
                    $"The {table.Name} list of record {ownerKey} is not a JSON array (found {list.ValueKind}); the page was not written.");
        }

        var position = 0;
        foreach (var item in list.EnumerateArray())
        {
            inputs.Add(new RowInput(item, ownerKey, position++));
        }
    }

    private TableWriter Build(ReplicaTable table, ReplicaTable? owner, IReadOnlySet<string>? childTables)
    {
        var children = table.Children.Where(c => childTables is null || childTables.Contains(c.Table.Name)).ToList();
        var writer = new TableWriter(_connection, table, table.IsSharedReference ? null : owner, children);
        _all.Add(writer);
        foreach (var child in children)
        {
            writer.ChildWriters.Add(Build(child.Table, table, childTables));
        }

        return writer;
    }

    public void Dispose() => _root.Dispose();
}
