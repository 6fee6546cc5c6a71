using System.Data.Common;

namespace MaximoOffline.Data.Database;

/// <summary>
/// The one way raw SQL is issued against the replica, on either engine: a command with named
/// parameters (<c>@name</c>, which SQLite and PostgreSQL both read), nulls as DBNull.
/// </summary>
public static class ReplicaCommands
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
