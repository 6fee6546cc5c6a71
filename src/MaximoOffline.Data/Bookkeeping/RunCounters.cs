using MaximoOffline.Data.Database;
using MaximoOffline.Data.Writing;
using System.Data.Common;
using static MaximoOffline.Data.Bookkeeping.BookkeepingSql;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// What a run has done so far, in <c>sync_run</c>'s counters and <c>sync_run_table</c>: written in the
/// same transaction as the page or sweep they count, so the counters never disagree with the rows.
/// </summary>
public sealed class RunCounters(ReplicaStore database, TimeProvider time)
{
    /// <summary>Records in scope as Maximo counted them at the start.</summary>
    public void SetTotal(long runId, long? total) =>
        Execute(database, "UPDATE sync_run SET total_records = @total WHERE id = @id", ("@total", total), ("@id", runId));

    /// <summary>Adds one written page to the run's counters; called inside the page's transaction.</summary>
    public void RecordPage(DbTransaction transaction, long runId, PageWriteResult page)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(page);
        long inserted = 0, updated = 0, deleted = 0;
        foreach (var (table, counts) in page.Tables)
        {
            inserted += counts.Inserted;
            updated += counts.Updated;
            deleted += counts.Deleted;
            if (counts.Total > 0)
            {
                AddTable(transaction, runId, table, counts.Inserted, counts.Updated, counts.Deleted);
            }
        }

        using var update = Command(transaction.Connection!, transaction,
            "UPDATE sync_run SET pages = pages + 1, records_fetched = records_fetched + @n, records_inserted = records_inserted + @i, " +
            "records_updated = records_updated + @u, records_deleted = records_deleted + @d, heartbeat_at = @now WHERE id = @id",
            ("@n", (long)page.Records), ("@i", inserted), ("@u", updated), ("@d", deleted), ("@now", Now(database, time)), ("@id", runId));
        update.ExecuteNonQuery();
    }

    /// <summary>Adds rows a sweep soft-deleted to the run's counters; called inside the sweep's transaction.</summary>
    public static void RecordSweep(DbTransaction transaction, long runId, string table, long deleted)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        AddTable(transaction, runId, table, 0, 0, deleted);
        using var update = Command(transaction.Connection!, transaction,
            "UPDATE sync_run SET records_deleted = records_deleted + @d WHERE id = @id", ("@d", deleted), ("@id", runId));
        update.ExecuteNonQuery();
    }

    /// <summary>Adds the counters of a finished endpoint run to its <c>all</c> run.</summary>
    public void RollUp(long parentRunId, long childRunId) => Execute(database,
        "UPDATE sync_run AS p SET pages = p.pages + c.pages, records_fetched = p.records_fetched + c.records_fetched, " +
        "records_inserted = p.records_inserted + c.records_inserted, records_updated = p.records_updated + c.records_updated, " +
        "records_deleted = p.records_deleted + c.records_deleted, heartbeat_at = @now " +
        "FROM (SELECT pages, records_fetched, records_inserted, records_updated, records_deleted FROM sync_run WHERE id = @child) AS c " +
        "WHERE p.id = @parent",
        ("@now", Now(database, time)), ("@child", childRunId), ("@parent", parentRunId));

    /// <summary>Records a run has read so far.</summary>
    public long RecordsFetched(long runId)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, "SELECT records_fetched FROM sync_run WHERE id = @id", ("@id", runId));
        return command.ExecuteScalar() is long n ? n : 0;
    }

    private static void AddTable(DbTransaction transaction, long runId, string table, long inserted, long updated, long deleted)
    {
        using var upsert = Command(transaction.Connection!, transaction,
            "INSERT INTO sync_run_table (run_id, table_name, inserted, updated, deleted) VALUES (@run, @table, @i, @u, @d) " +
            "ON CONFLICT (run_id, table_name) DO UPDATE SET inserted = sync_run_table.inserted + excluded.inserted, " +
            "updated = sync_run_table.updated + excluded.updated, deleted = sync_run_table.deleted + excluded.deleted",
            ("@run", runId), ("@table", table), ("@i", inserted), ("@u", updated), ("@d", deleted));
        upsert.ExecuteNonQuery();
    }
}
