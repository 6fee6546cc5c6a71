using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using MaximoOffline.Web.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace MaximoOffline.Web.Hosting;

/// <summary>
/// What the nodes of a team server share beyond the replica: with <c>ConnectionStrings:Redis</c>, SignalR
/// reaches every node's browsers through Redis and the keys that protect sign-ins are kept there (a
/// cookie from one node is good on every node); with the replica on PostgreSQL, the runs of a node
/// that died are taken over by a surviving one. A laptop (SQLite, no Redis) gets none of this.
/// </summary>
internal static class TeamServer
{
    public const string RedisConnectionName = "Redis";

    /// <summary>The Redis key of the data-protection key ring; the channel prefix of SignalR's messages.</summary>
    private const string KeysKey = "maximo-offline:data-protection-keys";
    private const string ChannelPrefix = "maximo-offline";

    /// <summary>This node as health reports and logs name it.</summary>
    public static string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    public static bool UsesRedis(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionName));

    public static IServiceCollection AddTeamServer(this IServiceCollection services, IConfiguration configuration, ISignalRServerBuilder signalR,
        IHealthChecksBuilder health)
    {
        if (UsesRedis(configuration))
        {
            ConfigurationOptions redis;
            try
            {
                redis = ConfigurationOptions.Parse(configuration.GetConnectionString(RedisConnectionName)!);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"ConnectionStrings:{RedisConnectionName} cannot be read ({e.Message}): give Redis's host:port, for example 'redis:6379'.", e);
            }

            // A node starts while Redis is still coming up, and keeps trying; health says so meanwhile.
            redis.AbortOnConnectFail = false;
            redis.ClientName = $"maximo-offline {Node}";
            var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
            services.AddSingleton(_ => new RedisConnection(connection, redis)); // made by the container, so disposed by it
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = redis.Clone();
                o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
            });
            services.AddDataProtection().PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), KeysKey);
            health.AddCheck<RedisHealthCheck>("redis");
        }

        if (ReplicaSettings.Provider(configuration) == ReplicaProvider.Postgres)
        {
            services.AddHostedService<InterruptedRunRecovery>();
            services.AddSingleton<IRunHandover, NodeShutdownHandover>();
        }

        return services;
    }
}

/// <summary>A team server's node is stopping once its host says so: the runs its shutdown stops go to the other nodes.</summary>
internal sealed class NodeShutdownHandover(IHostApplicationLifetime lifetime) : IRunHandover
{
    public bool NodeStopping => lifetime.ApplicationStopping.IsCancellationRequested;
}

/// <summary>
/// The node's connection to Redis for the key ring and the health check (opened when first used;
/// SignalR's backplane keeps a connection of its own to the same server).
/// </summary>
internal sealed class RedisConnection(Lazy<IConnectionMultiplexer> connection, ConfigurationOptions options) : IDisposable
{
    public IConnectionMultiplexer Multiplexer => connection.Value;

    public void Dispose()
    {
        if (connection.IsValueCreated)
        {
            connection.Value.Dispose();
        }
    }

    /// <summary>Where Redis is, for messages (never its password).</summary>
    public string Endpoints => string.Join(", ", options.EndPoints.Select(e => e.ToString()));
}
