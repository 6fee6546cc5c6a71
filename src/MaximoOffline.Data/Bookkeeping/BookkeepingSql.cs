using System.Globalization;
using MaximoOffline.Data.Database;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// What the gateway's statements share: how times are stored, the status parameters (statuses are
/// never written into SQL text), and the one statement that ends a run.
/// </summary>
internal static class BookkeepingSql
{
    /// <summary>A UTC time as the bookkeeping tables store it (EF Core's SQLite format, so EF reads it back).</summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Now(TimeProvider time) => Format(time.GetUtcNow().UtcDateTime);

    public static (string Name, object? Value) Status(string name, SyncRunStatus status) => (name, RunStatusText.Of(status));

    /// <summary><c>status IN ($queued, $running)</c>: the run is queued or running. Pass <see cref="ActiveStatuses"/> with it.</summary>
    public const string ActiveFilter = "status IN ($queued, $running)";

    public static readonly (string Name, object? Value)[] ActiveStatuses =
        [Status("$queued", SyncRunStatus.Queued), Status("$running", SyncRunStatus.Running)];

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        SqliteCommands.Create(connection, transaction, sql, parameters);

    public static int Execute(ReplicaDatabase database, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Records how a run ended: every way a run ends goes through this statement.</summary>
    public static void End(SqliteConnection connection, SqliteTransaction? transaction, long runId, SyncRunStatus status, string? error, string now,
        string? schemaReport = null, string? referenceReport = null)
    {
        using var command = Command(connection, transaction,
            "UPDATE sync_run SET status = $status, finished_at = $now, heartbeat_at = $now, error = $error, " +
            "schema_report = COALESCE($schema, schema_report), reference_report = COALESCE($refs, reference_report) WHERE id = $id",
            Status("$status", status), ("$now", now), ("$error", error), ("$schema", schemaReport), ("$refs", referenceReport), ("$id", runId));
        command.ExecuteNonQuery();
    }
}
