using System.Data.Common;
using MaximoOffline.Data.Database;
using static MaximoOffline.Data.Bookkeeping.BookkeepingSql;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// The life of a run in <c>sync_run</c>: queued (one active run per endpoint), started by the process
/// that executes it, asked to cancel, ended. See <see cref="RunLease"/> for runs whose process died.
/// </summary>
public sealed class RunQueue(ReplicaStore database, RunLease lease, TimeProvider time)
{
    /// <summary>
    /// Queues a new run, unless one of the endpoint is already queued or running: then that run's id
    /// comes back with <c>Created = false</c>. Runs whose owner is gone are marked Interrupted first,
    /// so a crash never blocks an endpoint.
    /// </summary>
    public (long RunId, bool Created) Claim(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var connection = database.OpenConnection();
        using var transaction = database.BeginWrite(connection);
        lease.InterruptAbandoned(connection, transaction);

        using (var active = Command(connection, transaction,
                   $"SELECT id FROM sync_run WHERE endpoint = @endpoint AND {ActiveFilter} ORDER BY id LIMIT 1",
                   [("@endpoint", request.Endpoint), .. ActiveStatuses]))
        {
            if (active.ExecuteScalar() is long existing)
            {
                transaction.Commit();
                return (existing, false);
            }
        }

        var now = Now(database, time);
        using var insert = Command(connection, transaction,
            "INSERT INTO sync_run (endpoint, site, mode, \"trigger\", force, cancel_requested, status, parent_run_id, queued_at, owner, heartbeat_at, pages, " +
            "records_fetched, records_inserted, records_updated, records_deleted, requested_by) " +
            "VALUES (@endpoint, @site, @mode, @trigger, @force, FALSE, @queued, @parent, @now, @owner, @now, 0, 0, 0, 0, 0, @by) RETURNING id",
            ("@endpoint", request.Endpoint), ("@site", request.Site), ("@mode", request.Mode.ToString()), ("@trigger", request.Trigger.ToString()),
            ("@force", request.Force), ("@parent", request.ParentRunId), ("@now", now), ("@owner", RunOwner.Current), ("@by", request.RequestedBy), ActiveStatuses[0]);
        var id = (long)insert.ExecuteScalar()!;
        transaction.Commit();
        return (id, true);
    }

    /// <summary>Marks a run as running in this process; false when it is no longer queued (cancelled, interrupted, done).</summary>
    public bool Start(long runId) => Execute(database,
        "UPDATE sync_run SET status = @running, started_at = @now, heartbeat_at = @now, owner = @owner WHERE id = @id AND status = @queued",
        [("@now", Now(database, time)), ("@owner", RunOwner.Current), ("@id", runId), .. ActiveStatuses]) == 1;

    public void SetJobId(long runId, string jobId) =>
        Execute(database, "UPDATE sync_run SET job_id = @job WHERE id = @id", ("@job", jobId), ("@id", runId));

    /// <summary>The mode a run really has: an incremental request of an endpoint without a cursor reads everything.</summary>
    public void SetMode(long runId, SyncMode mode) =>
        Execute(database, "UPDATE sync_run SET mode = @mode WHERE id = @id", ("@mode", mode.ToString()), ("@id", runId));

    /// <summary>What a run was asked to do; null when there is no such run.</summary>
    public RunRequest? Request(long runId)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null,
            "SELECT endpoint, site, mode, \"trigger\", parent_run_id, force, requested_by FROM sync_run WHERE id = @id", ("@id", runId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new RunRequest(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), Enum.Parse<SyncMode>(reader.GetString(2)),
                Enum.Parse<SyncTrigger>(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetString(6))
            : null;
    }

    public SyncRunStatus? Status(long runId)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, "SELECT status FROM sync_run WHERE id = @id", ("@id", runId));
        return command.ExecuteScalar() is string text ? RunStatusText.Parse(text) : null;
    }

    /// <summary>True while a run of <paramref name="endpoint"/> is queued or running, in any process.</summary>
    public bool IsActive(string endpoint)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null,
            $"SELECT 1 FROM sync_run WHERE endpoint = @endpoint AND {ActiveFilter} LIMIT 1", [("@endpoint", endpoint), .. ActiveStatuses]);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Asks a run to stop. A queued run is cancelled at once; a running one (in this process or
    /// another) stops at its next page boundary, and an <c>all</c> run takes its current endpoint with it.
    /// Returns the run's status after the request, or null when there is no such run.
    /// <paramref name="by"/> (who asked) is recorded on the run and the runs it started.
    /// </summary>
    public SyncRunStatus? RequestCancel(long runId, string? by = null)
    {
        using (var connection = database.OpenConnection())
        using (var transaction = database.BeginWrite(connection))
        {
            var queued = new List<long>();
            using (var select = Command(connection, transaction,
                       "SELECT id FROM sync_run WHERE status = @queued AND (id = @id OR parent_run_id = @id)", ("@id", runId), ActiveStatuses[0]))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    queued.Add(reader.GetInt64(0));
                }
            }

            using (var who = Command(connection, transaction,
                       $"UPDATE sync_run SET cancelled_by = @by WHERE (id = @id OR parent_run_id = @id) AND {ActiveFilter} AND cancelled_by IS NULL",
                       [("@id", runId), ("@by", by), .. ActiveStatuses]))
            {
                who.ExecuteNonQuery();
            }

            foreach (var id in queued)
            {
                BookkeepingSql.End(connection, transaction, id, SyncRunStatus.Cancelled, "Cancelled before it started.", Now(database, time));
            }

            using (var running = Command(connection, transaction,
                       "UPDATE sync_run SET cancel_requested = TRUE WHERE status = @running AND (id = @id OR parent_run_id = @id)", ("@id", runId), ActiveStatuses[1]))
            {
                running.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return Status(runId);
    }

    /// <summary>Which of <paramref name="runIds"/> a user asked to cancel (from any process).</summary>
    public IReadOnlySet<long> CancelRequested(IReadOnlyCollection<long> runIds)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var cancelled = new HashSet<long>();
        if (runIds.Count == 0)
        {
            return cancelled;
        }

        using var connection = database.OpenConnection();
        using var command = Command(connection, null,
            $"SELECT id FROM sync_run WHERE cancel_requested = TRUE AND {database.IdIn("id", "@ids")}", ("@ids", database.IdList(runIds)));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancelled.Add(reader.GetInt64(0));
        }

        return cancelled;
    }

    /// <summary>
    /// Records how a run ended, with its reports. Given a transaction, the end commits with whatever
    /// else the transaction holds (a successful run's sweep and cursor).
    /// </summary>
    public void End(long runId, SyncRunStatus status, string? error, string? schemaReport = null, string? referenceReport = null, DbTransaction? transaction = null)
    {
        if (transaction is not null)
        {
            BookkeepingSql.End(transaction.Connection!, transaction, runId, status, error, Now(database, time), schemaReport, referenceReport);
            return;
        }

        using var connection = database.OpenConnection();
        BookkeepingSql.End(connection, null, runId, status, error, Now(database, time), schemaReport, referenceReport);
    }
}
