using System.Data.Common;
using MaximoOffline.Data.Database;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// What the gateway's statements share: SQL both engines read, the status parameters (statuses are
/// never written into SQL text), and the one statement that ends a run.
/// </summary>
internal static class BookkeepingSql
{
    public static object Now(ReplicaStore database, TimeProvider time) => database.BookkeepingTime(time.GetUtcNow().UtcDateTime);

    public static (string Name, object? Value) Status(string name, SyncRunStatus status) => (name, RunStatusText.Of(status));

    /// <summary><c>status IN (@queued, @running)</c>: the run is queued or running. Pass <see cref="ActiveStatuses"/> with it.</summary>
    public const string ActiveFilter = "status IN (@queued, @running)";

    public static readonly (string Name, object? Value)[] ActiveStatuses =
        [Status("@queued", SyncRunStatus.Queued), Status("@running", SyncRunStatus.Running)];

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        ReplicaCommands.Create(connection, transaction, sql, parameters);

    public static int Execute(ReplicaStore database, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Records how a run ended: every way a run ends goes through this statement.</summary>
    public static void End(DbConnection connection, DbTransaction? transaction, long runId, SyncRunStatus status, string? error, object now,
        string? schemaReport = null, string? referenceReport = null)
    {
        using var command = Command(connection, transaction,
            "UPDATE sync_run SET status = @status, finished_at = @now, heartbeat_at = @now, error = @error, " +
            "schema_report = COALESCE(@schema, schema_report), reference_report = COALESCE(@refs, reference_report) WHERE id = @id",
            Status("@status", status), ("@now", now), ("@error", error), ("@schema", schemaReport), ("@refs", referenceReport), ("@id", runId));
        command.ExecuteNonQuery();
    }
}
