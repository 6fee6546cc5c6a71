using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Switches a connection's triggers off (or on) for a scope, and back as they were after it.
/// </summary>
/// <remarks>
/// The writer writes rows one statement at a time. A trigger that writes to an FTS5 table makes each
/// of those statements open a savepoint, and FTS5 flushes its pending words to disk at every
/// savepoint: one tiny index segment per row, merged again and again. So while the writer writes its
/// rows the replica's triggers are off, and the writer keeps the search index itself, a page at a
/// time (<see cref="SearchIndexWriter"/>); the triggers keep it for every other statement, on every
/// other connection, and for the writer's own set-based statements (a superseded natural key).
/// </remarks>
internal static class ReplicaTriggers
{
    private const int EnableTrigger = 1003; // SQLITE_DBCONFIG_ENABLE_TRIGGER

    public static Scope Off(SqliteConnection connection) => new(connection, enabled: false);

    public static Scope On(SqliteConnection connection) => new(connection, enabled: true);

    private static bool Set(SqliteConnection connection, int value)
    {
        var rc = raw.sqlite3_db_config(connection.Handle, EnableTrigger, value, out var enabled);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        return enabled != 0;
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly bool _before;

        public Scope(SqliteConnection connection, bool enabled)
        {
            _connection = connection;
            _before = Set(connection, -1); // -1 asks without changing
            Set(connection, enabled ? 1 : 0);
        }

        public void Dispose() => Set(_connection, _before ? 1 : 0);
    }
}
