using System.Globalization;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Writing;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// The bookkeeping of runs in <c>sync_run</c>, <c>sync_run_table</c>, <c>sync_log</c> and
/// <c>sync_state</c>: claiming an endpoint's lease, recording pages (inside the page's transaction),
/// log lines, the end of a run, and the cursor.
/// </summary>
public sealed class RunStore(ReplicaDatabase database, TimeProvider time)
{
    /// <summary>A run whose owner has not shown a sign of life for this long is considered interrupted.</summary>
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often an owner renews the leases of its runs.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _logLock = new();
    private readonly Dictionary<long, long> _nextSeq = [];

    public ReplicaDatabase Database => database;

    internal string Now() => Format(time.GetUtcNow().UtcDateTime);

    /// <summary>A UTC time as the bookkeeping tables store it (EF Core's SQLite format).</summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>
    /// Queues a new run of <paramref name="endpoint"/>, unless one is already queued or running: then
    /// that run's id comes back with <c>Created = false</c>. Runs whose owner is gone are marked
    /// Interrupted first, so a crash never blocks an endpoint.
    /// </summary>
    public (long RunId, bool Created) Claim(string endpoint, string? site, SyncMode mode, SyncTrigger trigger, long? parentRunId = null, bool force = false)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        InterruptAbandoned(connection, transaction);

        using (var active = Command(connection, transaction,
                   "SELECT id FROM sync_run WHERE endpoint = $endpoint AND status IN ('Queued', 'Running') ORDER BY id LIMIT 1",
                   ("$endpoint", endpoint)))
        {
            if (active.ExecuteScalar() is long existing)
            {
                transaction.Commit();
                return (existing, false);
            }
        }

        var now = Now();
        using var insert = Command(connection, transaction,
            "INSERT INTO sync_run (endpoint, site, mode, \"trigger\", force, cancel_requested, status, parent_run_id, queued_at, owner, heartbeat_at, pages, " +
            "records_fetched, records_inserted, records_updated, records_deleted) " +
            "VALUES ($endpoint, $site, $mode, $trigger, $force, 0, 'Queued', $parent, $now, $owner, $now, 0, 0, 0, 0, 0) RETURNING id",
            ("$endpoint", endpoint), ("$site", site), ("$mode", mode.ToString()), ("$trigger", trigger.ToString()), ("$force", force),
            ("$parent", parentRunId), ("$now", now), ("$owner", RunOwner.Current));
        var id = (long)insert.ExecuteScalar()!;
        transaction.Commit();
        return (id, true);
    }

    /// <summary>Marks queued or running runs whose owning process is gone (or silent) as Interrupted.</summary>
    public int InterruptAbandoned()
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var count = InterruptAbandoned(connection, transaction);
        transaction.Commit();
        return count;
    }

    private int InterruptAbandoned(SqliteConnection connection, SqliteTransaction transaction)
    {
        var stale = Format(time.GetUtcNow().UtcDateTime - LeaseTimeout);
        var abandoned = new List<long>();
        using (var select = Command(connection, transaction,
                   "SELECT id, owner, COALESCE(heartbeat_at, queued_at) FROM sync_run WHERE status IN ('Queued', 'Running')"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var owner = reader.IsDBNull(1) ? null : reader.GetString(1);
                var alive = owner == RunOwner.Current
                    || (!RunOwner.IsDeadOnThisMachine(owner) && string.CompareOrdinal(reader.GetString(2), stale) > 0);
                if (!alive)
                {
                    abandoned.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in abandoned)
        {
            using var update = Command(connection, transaction,
                "UPDATE sync_run SET status = 'Interrupted', finished_at = $now, error = COALESCE(error, $error) WHERE id = $id",
                ("$now", Now()), ("$id", id),
                ("$error", "Interrupted: the process running this sync stopped before it finished. Committed pages are kept; run it again to complete."));
            update.ExecuteNonQuery();
        }

        return abandoned.Count;
    }

    /// <summary>Renews the lease of every queued or running run this process owns.</summary>
    public void Heartbeat()
    {
        using var connection = database.OpenConnection();
        using var update = Command(connection, null,
            "UPDATE sync_run SET heartbeat_at = $now WHERE owner = $owner AND status IN ('Queued', 'Running')",
            ("$now", Now()), ("$owner", RunOwner.Current));
        update.ExecuteNonQuery();
    }

    public void SetJobId(long runId, string jobId) =>
        Execute("UPDATE sync_run SET job_id = $job WHERE id = $id", ("$job", jobId), ("$id", runId));

    /// <summary>Marks a run as running in this process; false when it is no longer queued (cancelled, interrupted, done).</summary>
    public bool Start(long runId)
    {
        using var connection = database.OpenConnection();
        using var update = Command(connection, null,
            "UPDATE sync_run SET status = 'Running', started_at = $now, heartbeat_at = $now, owner = $owner " +
            "WHERE id = $id AND status = 'Queued'",
            ("$now", Now()), ("$owner", RunOwner.Current), ("$id", runId));
        return update.ExecuteNonQuery() == 1;
    }

    public void SetMode(long runId, SyncMode mode) =>
        Execute("UPDATE sync_run SET mode = $mode WHERE id = $id", ("$mode", mode.ToString()), ("$id", runId));

    public void SetTotal(long runId, long? total) =>
        Execute("UPDATE sync_run SET total_records = $total WHERE id = $id", ("$total", total), ("$id", runId));

    /// <summary>Adds one written page to the run's counters; called inside the page's transaction.</summary>
    public void RecordPage(SqliteTransaction transaction, long runId, PageWriteResult page)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(page);
        var connection = transaction.Connection!;
        long inserted = 0, updated = 0, deleted = 0;
        foreach (var (table, counts) in page.Tables)
        {
            inserted += counts.Inserted;
            updated += counts.Updated;
            deleted += counts.Deleted;
            if (counts.Total == 0)
            {
                continue;
            }

            using var upsert = Command(connection, transaction,
                "INSERT INTO sync_run_table (run_id, table_name, inserted, updated, deleted) VALUES ($run, $table, $i, $u, $d) " +
                "ON CONFLICT (run_id, table_name) DO UPDATE SET inserted = inserted + excluded.inserted, " +
                "updated = updated + excluded.updated, deleted = deleted + excluded.deleted",
                ("$run", runId), ("$table", table), ("$i", counts.Inserted), ("$u", counts.Updated), ("$d", counts.Deleted));
            upsert.ExecuteNonQuery();
        }

        using var update = Command(connection, transaction,
            "UPDATE sync_run SET pages = pages + 1, records_fetched = records_fetched + $n, records_inserted = records_inserted + $i, " +
            "records_updated = records_updated + $u, records_deleted = records_deleted + $d, heartbeat_at = $now WHERE id = $id",
            ("$n", (long)page.Records), ("$i", inserted), ("$u", updated), ("$d", deleted), ("$now", Now()), ("$id", runId));
        update.ExecuteNonQuery();
    }

    /// <summary>Adds rows a sweep soft-deleted to the run's counters.</summary>
    public static void RecordSweep(SqliteTransaction transaction, long runId, string table, long deleted)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        using var upsert = Command(transaction.Connection!, transaction,
            "INSERT INTO sync_run_table (run_id, table_name, inserted, updated, deleted) VALUES ($run, $table, 0, 0, $d) " +
            "ON CONFLICT (run_id, table_name) DO UPDATE SET deleted = deleted + excluded.deleted",
            ("$run", runId), ("$table", table), ("$d", deleted));
        upsert.ExecuteNonQuery();
        using var update = Command(transaction.Connection!, transaction,
            "UPDATE sync_run SET records_deleted = records_deleted + $d WHERE id = $id", ("$d", deleted), ("$id", runId));
        update.ExecuteNonQuery();
    }

    /// <summary>Persists a log line and returns its sequence number in the run.</summary>
    public (long Seq, DateTime Time) AppendLog(long runId, SyncLogLevel level, string message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_logLock)
        {
            using var connection = database.OpenConnection();
            if (!_nextSeq.TryGetValue(runId, out var seq))
            {
                using var max = Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM sync_log WHERE run_id = $id", ("$id", runId));
                seq = (long)max.ExecuteScalar()! + 1;
            }

            using var insert = Command(connection, null,
                "INSERT INTO sync_log (run_id, seq, time, level, message) VALUES ($id, $seq, $time, $level, $message)",
                ("$id", runId), ("$seq", seq), ("$time", Format(now)), ("$level", level.ToString()), ("$message", message));
            insert.ExecuteNonQuery();
            _nextSeq[runId] = seq + 1;
            return (seq, now);
        }
    }

    /// <summary>Ends a run (in <paramref name="transaction"/> when given, with the state it saves).</summary>
    public void Finish(long runId, SyncRunStatus status, string? error, string? schemaReport = null, string? referenceReport = null, SqliteTransaction? transaction = null)
    {
        const string sql = "UPDATE sync_run SET status = $status, finished_at = $now, heartbeat_at = $now, error = $error, " +
                           "schema_report = COALESCE($schema, schema_report), reference_report = COALESCE($refs, reference_report) WHERE id = $id";
        (string, object?)[] parameters = [("$status", status.ToString()), ("$now", Now()), ("$error", error), ("$schema", schemaReport), ("$refs", referenceReport), ("$id", runId)];
        if (transaction is not null)
        {
            using var command = Command(transaction.Connection!, transaction, sql, parameters);
            command.ExecuteNonQuery();
        }
        else
        {
            Execute(sql, parameters);
        }

        lock (_logLock)
        {
            _nextSeq.Remove(runId);
        }
    }

    /// <summary>Adds the counters of a finished endpoint run to its <c>all</c> run.</summary>
    public void RollUp(long parentRunId, long childRunId) => Execute(
        "UPDATE sync_run AS p SET pages = p.pages + c.pages, records_fetched = p.records_fetched + c.records_fetched, " +
        "records_inserted = p.records_inserted + c.records_inserted, records_updated = p.records_updated + c.records_updated, " +
        "records_deleted = p.records_deleted + c.records_deleted, heartbeat_at = $now " +
        "FROM (SELECT pages, records_fetched, records_inserted, records_updated, records_deleted FROM sync_run WHERE id = $child) AS c " +
        "WHERE p.id = $parent",
        ("$now", Now()), ("$child", childRunId), ("$parent", parentRunId));

    public SyncRunStatus? Status(long runId)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, "SELECT status FROM sync_run WHERE id = $id", ("$id", runId));
        return command.ExecuteScalar() is string s ? Enum.Parse<SyncRunStatus>(s) : null;
    }

    public bool IsActive(string endpoint)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null,
            "SELECT 1 FROM sync_run WHERE endpoint = $endpoint AND status IN ('Queued', 'Running') LIMIT 1", ("$endpoint", endpoint));
        return command.ExecuteScalar() is not null;
    }

    /// <summary>What a run was asked to do.</summary>
    public RunRequest? Request(long runId)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null,
            "SELECT endpoint, site, mode, parent_run_id, force, \"trigger\" FROM sync_run WHERE id = $id", ("$id", runId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new RunRequest(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), Enum.Parse<SyncMode>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetBoolean(4), Enum.Parse<SyncTrigger>(reader.GetString(5)))
            : null;
    }

    /// <summary>
    /// Asks a run to stop. A queued run is cancelled at once; a running one (in this process or
    /// another) stops at its next page boundary, and an <c>all</c> run takes its current endpoint with it.
    /// Returns the run's status after the request, or null when there is no such run.
    /// </summary>
    public SyncRunStatus? RequestCancel(long runId)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var queued = Command(connection, transaction,
                   "UPDATE sync_run SET status = 'Cancelled', finished_at = $now, error = 'Cancelled before it started.' " +
                   "WHERE status = 'Queued' AND (id = $id OR parent_run_id = $id)", ("$now", Now()), ("$id", runId)))
        {
            queued.ExecuteNonQuery();
        }

        using (var running = Command(connection, transaction,
                   "UPDATE sync_run SET cancel_requested = 1 WHERE status = 'Running' AND (id = $id OR parent_run_id = $id)", ("$id", runId)))
        {
            running.ExecuteNonQuery();
        }

        transaction.Commit();
        return Status(runId);
    }

    public bool IsCancelRequested(long runId)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, "SELECT cancel_requested FROM sync_run WHERE id = $id", ("$id", runId));
        return command.ExecuteScalar() is long flag && flag != 0;
    }

    public SyncState? GetState(string endpoint, string site)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null,
            "SELECT cursor, last_full_sync_at, last_success_at, last_run_id FROM sync_state WHERE endpoint = $e AND site = $s",
            ("$e", endpoint), ("$s", site));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new SyncState
        {
            Endpoint = endpoint,
            Site = site,
            Cursor = reader.IsDBNull(0) ? null : reader.GetString(0),
            LastFullSyncAt = reader.IsDBNull(1) ? null : reader.GetDateTime(1),
            LastSuccessAt = reader.IsDBNull(2) ? null : reader.GetDateTime(2),
            LastRunId = reader.IsDBNull(3) ? null : reader.GetInt64(3),
        };
    }

    /// <summary>Records a successful run's cursor (inside the transaction that finishes the run).</summary>
    public void SaveSuccess(SqliteTransaction transaction, string endpoint, string site, string? cursor, bool full, long runId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var now = Now();
        using var upsert = Command(transaction.Connection!, transaction,
            "INSERT INTO sync_state (endpoint, site, cursor, last_full_sync_at, last_success_at, last_run_id) " +
            "VALUES ($e, $s, $cursor, $full, $now, $run) ON CONFLICT (endpoint, site) DO UPDATE SET cursor = excluded.cursor, " +
            "last_full_sync_at = COALESCE(excluded.last_full_sync_at, last_full_sync_at), last_success_at = excluded.last_success_at, " +
            "last_run_id = excluded.last_run_id",
            ("$e", endpoint), ("$s", site), ("$cursor", cursor), ("$full", full ? now : null), ("$now", now), ("$run", runId));
        upsert.ExecuteNonQuery();
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        SqliteCommands.Create(connection, transaction, sql, parameters);
}

/// <summary>What a run was asked to do, as recorded when it was queued.</summary>
public sealed record RunRequest(string Endpoint, string? Site, SyncMode Mode, long? ParentRunId, bool Force, SyncTrigger Trigger);
