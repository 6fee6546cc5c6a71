using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Database;

/// <summary><see cref="ReplicaCommands"/> for the code that reads SQLite alone (the SQLite file's own checks).</summary>
public static class SqliteCommands
{
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        (SqliteCommand)ReplicaCommands.Create(connection, transaction, sql, parameters);
}
