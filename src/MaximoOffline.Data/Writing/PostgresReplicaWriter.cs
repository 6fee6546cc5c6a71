using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Replica;
using Npgsql;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// The write path of a replica on PostgreSQL, with the same contract as <see cref="ReplicaWriter"/>: one
/// page of records in one transaction, upserted by unique id, children replaced, counts per table.
/// Built for PostgreSQL: each table's rows of a page go in with one binary <c>COPY</c> into a staging
/// table, then one <c>INSERT … ON CONFLICT</c>, instead of a statement per row.
/// </summary>
public sealed class PostgresReplicaWriter : IPageWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _time;
    private readonly PostgresTableWriter _root;

    /// <param name="connection">An open connection to a migrated replica; the writer uses it alone.</param>
    /// <param name="root">The table of the object structure's main object.</param>
    /// <param name="childTables">The child tables the records carry; null for all of them.</param>
    public PostgresReplicaWriter(NpgsqlConnection connection, ReplicaTable root, IReadOnlySet<string>? childTables = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(root);
        if (!root.IsRoot)
        {
            throw new ArgumentException($"'{root.Name}' is not the main object of an object structure.", nameof(root));
        }

        _connection = connection;
        _time = time ?? TimeProvider.System;
        var count = 0;
        _root = Build(root, owner: null, childTables, ref count);
    }

    public ReplicaTable Root => _root.Table;

    /// <summary>
    /// Writes one page in one transaction; <paramref name="alsoInTransaction"/> runs inside it after the
    /// rows are written. Throws <see cref="ReplicaWriteException"/> when the page cannot be written; the
    /// database is then as it was before the call.
    /// </summary>
    public PageWriteResult WritePage(IReadOnlyList<JsonElement> records, long? syncRunId = null, Action<System.Data.Common.DbTransaction, PageWriteResult>? alsoInTransaction = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            return WriteInTransaction(records, syncRunId, alsoInTransaction);
        }
        catch (ReplicaWriteException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A row copied in as new clashed: a live row holds its natural key under another id, or another
            // transaction wrote it meanwhile (a child two endpoints list). The page again, every row
            // through the upsert, which takes such keys over.
            var writers = All(_root).ToList();
            writers.ForEach(w => w.CopyNewRowsAllowed = false);
            try
            {
                return WriteInTransaction(records, syncRunId, alsoInTransaction);
            }
            finally
            {
                writers.ForEach(w => w.CopyNewRowsAllowed = true);
            }
        }
    }

    private static IEnumerable<PostgresTableWriter> All(PostgresTableWriter writer) => writer.ChildWriters.SelectMany(All).Prepend(writer);

    private PageWriteResult WriteInTransaction(IReadOnlyList<JsonElement> records, long? syncRunId, Action<System.Data.Common.DbTransaction, PageWriteResult>? alsoInTransaction)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var context = new WriteContext(now.ToString(JsonValues.DateFormat, CultureInfo.InvariantCulture), syncRunId);
        using var transaction = _connection.BeginTransaction();
        IReadOnlyDictionary<string, IReadOnlySet<string>>? taken = null;
        try
        {
            var counts = PageTree.Write(_root, records, context);
            var result = new PageWriteResult(records.Count, counts, PageTree.TakeUntyped(_root));
            taken = result.UntypedAttributes;
            alsoInTransaction?.Invoke(transaction, result);
            transaction.Commit();
            return result;
        }
        catch (PostgresException e)
        {
            transaction.Rollback();
            PageTree.Forget(_root, taken ?? PageTree.TakeUntyped(_root));
            throw new ReplicaWriteException($"Writing a page of {_root.Table.Name} records failed: {e.MessageText}. Nothing of the page was written.", e);
        }
        catch
        {
            transaction.Rollback();
            PageTree.Forget(_root, taken ?? PageTree.TakeUntyped(_root));
            throw;
        }
    }

    private PostgresTableWriter Build(ReplicaTable table, ReplicaTable? owner, IReadOnlySet<string>? childTables, ref int count)
    {
        var children = table.Children.Where(c => childTables is null || childTables.Contains(c.Table.Name)).ToList();
        var writer = new PostgresTableWriter(_connection, table, table.IsSharedReference ? null : owner, children, count++);
        foreach (var child in children)
        {
            writer.ChildWriters.Add(Build(child.Table, table, childTables, ref count));
        }

        return writer;
    }

    public void Settle()
    {
        foreach (var writer in All(_root))
        {
            writer.KeepStatisticsCurrent(0);
        }
    }

    public void Dispose() => _root.Dispose();
}
