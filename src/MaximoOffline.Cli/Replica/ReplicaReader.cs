using System.Globalization;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Endpoints;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Cli.Replica;

/// <summary>
/// Reads sync state and row counts through its own read-only connection, one short read transaction
/// per snapshot: in WAL mode that never blocks a sync writing in another process, and never takes a
/// write lock itself.
/// </summary>
internal sealed class ReplicaReader(string path)
{
    public string Path { get; } = path;

    public bool Exists => File.Exists(Path);

    /// <summary>The replica's state now; null when there is no replica (or no schema) at <see cref="Path"/> yet.</summary>
    public ReplicaStatus? TryRead()
    {
        if (!Exists)
        {
            return null;
        }

        using var connection = Open();
        if (!HasSchema(connection))
        {
            return null;
        }

        using var snapshot = connection.BeginTransaction(deferred: true);
        var tables = CountTables(connection, snapshot);
        var endpoints = EndpointCatalog.DependencyOrder
            .Select(e => new EndpointStatus(e.Slug, e.ObjectStructure, e.Root.Name, LastRun(connection, snapshot, e.Slug), LastSuccess(connection, snapshot, e.Slug), tables[e.Root.Name]))
            .ToList();
        var all = LastRun(connection, snapshot, EndpointCatalog.All);
        snapshot.Commit();
        return new ReplicaStatus(Path, DateTime.UtcNow, all, endpoints, tables);
    }

    /// <summary>A run and, for <c>all</c>, the endpoint runs it started, in order.</summary>
    public IReadOnlyList<RunInfo> RunAndChildren(long runId)
    {
        using var connection = Open();
        using var command = Command(connection, null, RunColumns + "WHERE id = $id OR parent_run_id = $id ORDER BY id", ("$id", runId));
        return ReadRuns(command);
    }

    /// <summary>Per table: what a run and its endpoint runs wrote, and the live rows now.</summary>
    public IReadOnlyList<TableChange> Changes(long runId)
    {
        using var connection = Open();
        using var snapshot = connection.BeginTransaction(deferred: true);
        var counts = CountTables(connection, snapshot);
        using var command = Command(connection, snapshot,
            "SELECT table_name, SUM(inserted), SUM(updated), SUM(deleted) FROM sync_run_table " +
            "WHERE run_id IN (SELECT id FROM sync_run WHERE id = $id OR parent_run_id = $id) GROUP BY table_name", ("$id", runId));
        var changes = new Dictionary<string, TableChange>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var table = reader.GetString(0);
                changes[table] = new TableChange(table, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), counts.GetValueOrDefault(table));
            }
        }

        snapshot.Commit();
        return [.. ReplicaCatalog.All.Where(t => changes.ContainsKey(t.Name)).Select(t => changes[t.Name])];
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static bool HasSchema(SqliteConnection connection)
    {
        using var command = Command(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sync_run', 'sync_state')");
        return (long)command.ExecuteScalar()! == 2;
    }

    private static Dictionary<string, long> CountTables(SqliteConnection connection, SqliteTransaction snapshot)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in ReplicaCatalog.All)
        {
            using var command = Command(connection, snapshot, $"SELECT COUNT(*) FROM \"{table.Name}\" WHERE {ReplicaColumns.DeletedAt} IS NULL");
            counts[table.Name] = (long)command.ExecuteScalar()!;
        }

        return counts;
    }

    private const string RunColumns =
        "SELECT id, endpoint, status, site, mode, queued_at, started_at, finished_at, pages, records_fetched, total_records, error FROM sync_run ";

    private static RunInfo? LastRun(SqliteConnection connection, SqliteTransaction snapshot, string endpoint)
    {
        using var command = Command(connection, snapshot, RunColumns + "WHERE endpoint = $e ORDER BY id DESC LIMIT 1", ("$e", endpoint));
        return ReadRuns(command).FirstOrDefault();
    }

    private static List<RunInfo> ReadRuns(SqliteCommand command)
    {
        var runs = new List<RunInfo>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new RunInfo(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4),
                Utc(reader, 5)!.Value, Utc(reader, 6), Utc(reader, 7), reader.GetInt32(8), reader.GetInt64(9),
                reader.IsDBNull(10) ? null : reader.GetInt64(10), Text(reader, 11)));
        }

        return runs;
    }

    private static DateTime? LastSuccess(SqliteConnection connection, SqliteTransaction snapshot, string endpoint)
    {
        using var command = Command(connection, snapshot, "SELECT MAX(last_success_at) FROM sync_state WHERE endpoint = $e", ("$e", endpoint));
        return command.ExecuteScalar() is string text ? ParseUtc(text) : null;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static DateTime? Utc(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : ParseUtc(reader.GetString(column));

    // The engine writes UTC as "yyyy-MM-dd HH:mm:ss.FFFFFFF" without a zone.
    private static DateTime ParseUtc(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        SqliteCommands.Create(connection, transaction, sql, parameters);
}
