using Hangfire;
using MaximoOffline.Data.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MaximoOffline.Web.Hosting;

/// <summary>The replica answers a query.</summary>
internal sealed class ReplicaHealthCheck(ReplicaDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sync_run";
            command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy($"Replica at {database.Path}"));
        }
        catch (Exception e) when (e is ReplicaDatabaseException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }
}

/// <summary>A Hangfire server of this app is alive to run sync jobs.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var alive = servers.Where(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < TimeSpan.FromMinutes(2)).ToList();
        return Task.FromResult(alive.Count > 0
            ? HealthCheckResult.Healthy($"{alive.Count} job server(s), {alive.Sum(s => s.WorkersCount)} worker(s)")
            : HealthCheckResult.Unhealthy("No job server is running: syncs will stay queued."));
    }
}
