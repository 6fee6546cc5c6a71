using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Database;

/// <summary>The one way raw SQL is issued against the replica: a command with named parameters, nulls as DBNull.</summary>
public static class SqliteCommands
{
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
