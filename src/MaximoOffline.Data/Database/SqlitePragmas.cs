using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MaximoOffline.Data.Database;

/// <summary>Per-connection settings every replica connection gets, whoever opens it.</summary>
internal static class SqlitePragmas
{
    // synchronous=NORMAL is safe in WAL mode against application crashes (a killed process loses no
    // committed transaction); only a power cut may lose the last commits, which a re-run converges.
    private static readonly string Sql =
        $"PRAGMA busy_timeout={(int)ReplicaDatabase.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public static readonly DbConnectionInterceptor Interceptor = new PragmaInterceptor();

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
