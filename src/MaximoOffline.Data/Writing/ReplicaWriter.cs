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
public sealed class ReplicaWriter : IPageWriter
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly TableWriter _root;

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
    public PageWriteResult WritePage(IReadOnlyList<JsonElement> records, long? syncRunId = null, Action<System.Data.Common.DbTransaction, PageWriteResult>? alsoInTransaction = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var context = new WriteContext(_time.GetUtcNow().UtcDateTime.ToString(JsonValues.DateFormat, CultureInfo.InvariantCulture), syncRunId);

        using var transaction = _connection.BeginTransaction();
        _root.Enlist(transaction);
        IReadOnlyDictionary<string, IReadOnlySet<string>>? taken = null;
        try
        {
            Dictionary<string, TableCounts> counts;
            using (ReplicaTriggers.Off(_connection)) // the writer keeps the search index itself (see ReplicaTriggers)
            {
                counts = PageTree.Write(_root, records, context);
            }

            var result = new PageWriteResult(records.Count, counts, PageTree.TakeUntyped(_root));
            taken = result.UntypedAttributes;
            alsoInTransaction?.Invoke(transaction, result);
            transaction.Commit();
            return result;
        }
        catch (SqliteException e)
        {
            transaction.Rollback();
            PageTree.Forget(_root, taken ?? PageTree.TakeUntyped(_root));
            var problem = e.SqliteErrorCode == 13 // SQLITE_FULL
                ? "the replica database is full (the disk is full, or Sync:MaxDatabaseMegabytes is reached); free space or raise the limit, then sync again"
                : e.Message;
            throw new ReplicaWriteException($"Writing a page of {_root.Table.Name} records failed: {problem}. Nothing of the page was written.", e);
        }
        catch
        {
            transaction.Rollback();
            PageTree.Forget(_root, taken ?? PageTree.TakeUntyped(_root));
            throw;
        }
        finally
        {
            _root.Enlist(null);
        }
    }

    private TableWriter Build(ReplicaTable table, ReplicaTable? owner, IReadOnlySet<string>? childTables)
    {
        var children = table.Children.Where(c => childTables is null || childTables.Contains(c.Table.Name)).ToList();
        var writer = new TableWriter(_connection, table, table.IsSharedReference ? null : owner, children);
        foreach (var child in children)
        {
            writer.ChildWriters.Add(Build(child.Table, table, childTables));
        }

        return writer;
    }

    public void Dispose() => _root.Dispose();
}
