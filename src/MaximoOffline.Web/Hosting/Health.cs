using Hangfire;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MaximoOffline.Web.Hosting;

/// <summary>The replica answers a query.</summary>
internal sealed class ReplicaHealthCheck(ReplicaStore database, RunHistory runs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await runs.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Replica ({database.Provider}) at {database.Location}");
        }
        catch (Exception e) when (e is ReplicaDatabaseException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
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
