using Hangfire;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Web.Jobs;
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

/// <summary>This node's Hangfire server is alive to run sync jobs (and how many servers all nodes have).</summary>
internal sealed class JobServerHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var alive = storage.GetMonitoringApi().Servers()
            .Where(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < TimeSpan.FromMinutes(2)).ToList();
        var mine = alive.Where(s => s.Name.StartsWith(JobsSetup.ServerName + ":", StringComparison.Ordinal)).ToList();
        return Task.FromResult(mine.Count > 0
            ? HealthCheckResult.Healthy($"This node's job server runs {mine.Sum(s => s.WorkersCount)} worker(s); {alive.Count} job server(s) in all")
            : HealthCheckResult.Unhealthy($"This node's job server is not running ({alive.Count} other job server(s) alive): syncs queued here wait for another node."));
    }
}

/// <summary>This node reaches Redis, which carries live updates between the nodes of a team server.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.Multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis at {redis.Endpoints} answers in {latency.TotalMilliseconds:N1} ms");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis at {redis.Endpoints} does not answer ({e.Message}): browsers on other nodes miss live updates " +
                                               "and sign-ins cannot be checked. Check ConnectionStrings:Redis and that Redis is running.");
        }
    }
}

/// <summary><c>/healthz</c>'s answer: the overall status, this node, and each check (the database, Redis, the job server) with what it found.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            node = TeamServer.Node,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
