using MaximoOffline.Data.Database;
using Microsoft.Extensions.Configuration;

namespace MaximoOffline.Sync.Settings;

/// <summary>
/// Which database holds the replica: <c>Replica:Provider</c> <c>Sqlite</c> (the default: the file
/// <c>Sync:DatabasePath</c>) or <c>Postgres</c> (the database <c>ConnectionStrings:Replica</c>, shared by
/// the nodes of a team server).
/// </summary>
public static class ReplicaSettings
{
    public const string ProviderKey = "Replica:Provider";

    public const string ConnectionStringName = "Replica";

    /// <summary>The provider the settings name; a value that is neither fails with what to set.</summary>
    public static ReplicaProvider Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[ProviderKey]?.Trim();
        return text switch
        {
            null or "" => ReplicaProvider.Sqlite,
            _ when text.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => ReplicaProvider.Sqlite,
            _ when text.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || text.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) =>
                ReplicaProvider.Postgres,
            _ => throw new ReplicaDatabaseException(
                $"{ProviderKey} is '{text}', which is not a database MaximoOffline can use: set it to Sqlite (the default, a file on this machine) " +
                "or Postgres (a team server's database, with ConnectionStrings:Replica).", null),
        };
    }

    /// <summary>The replica the settings name. Nothing is opened until it is first used.</summary>
    public static ReplicaStore Store(IConfiguration configuration)
    {
        if (Provider(configuration) == ReplicaProvider.Sqlite)
        {
            return SyncOptions.Replica(configuration);
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ReplicaDatabaseException(
                $"{ProviderKey} is Postgres but ConnectionStrings:{ConnectionStringName} is not set: set it (environment variable " +
                $"ConnectionStrings__{ConnectionStringName}) to the database's connection string, for example " +
                "'Host=db;Database=maximo;Username=maximo;Password=…'.", null);
        }

        return new PostgresReplica(connectionString);
    }
}
