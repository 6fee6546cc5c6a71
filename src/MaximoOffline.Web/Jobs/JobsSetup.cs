using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using MaximoOffline.Data.Database;
using Hangfire.Storage.SQLite;
using MaximoOffline.Sync.Settings;
using MaximoOffline.Web.Hosting;
using MaximoOffline.Web.Security;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Web.Jobs;

internal static class JobsSetup
{
    /// <summary>This node's Hangfire server (Hangfire adds a unique suffix after a colon).</summary>
    // Lower case, as Hangfire stores a server's name: the health check finds this node's server by it.
    public static string ServerName { get; } = $"maximo-offline-{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant();

    /// <summary>
    /// Hangfire on SQLite, in its own file beside the replica (<c>hangfire.db</c>); with the replica on
    /// PostgreSQL, in the same database (schema <c>hangfire</c>), so that any node may run any job.
    /// </summary>
    public static IServiceCollection AddSyncJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        // Poll often: a click on Sync should start within a second, not after Hangfire's default 15 s.
        var poll = TimeSpan.FromSeconds(1);
        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (ReplicaSettings.Provider(configuration) == ReplicaProvider.Postgres)
            {
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(configuration.GetConnectionString(ReplicaSettings.ConnectionStringName)),
                    new PostgreSqlStorageOptions { QueuePollInterval = poll, SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else
            {
                var storage = Path.Combine(Path.GetDirectoryName(SyncOptions.Replica(configuration).Path)!, "hangfire.db");
                c.UseSQLiteStorage(storage, new SQLiteStorageOptions { QueuePollInterval = poll });
            }
        });
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Clamp(web.SyncWorkers, 1, 16);
            o.ServerName = ServerName;
            o.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddTransient<SyncJob>();
        services.AddTransient<SyncStarter>();
        services.AddTransient<ScheduledSyncJob>();
        return services;
    }

    /// <summary>Recurring jobs for each <c>Sync:Schedule:&lt;slug&gt;</c>; schedules no longer configured are removed.</summary>
    public static WebApplication ScheduleSyncs(this WebApplication app)
    {
        var schedules = app.Services.GetRequiredService<IOptions<SyncOptions>>().Value.Schedule;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var slug in Sync.Endpoints.EndpointCatalog.Slugs.Append(Sync.Endpoints.EndpointCatalog.All))
        {
            var id = $"sync-{slug}";
            if (schedules.TryGetValue(slug, out var cron))
            {
                recurring.AddOrUpdate<ScheduledSyncJob>(id, j => j.RunAsync(slug, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Local });
            }
            else
            {
                recurring.RemoveIfExists(id);
            }
        }

        return app;
    }

    /// <summary>
    /// The dashboard at /hangfire, an Admin's. Without sign-in (Auth:Mode=None): local requests only,
    /// unless Web:AllowRemoteDashboard (then read-only for remote ones).
    /// </summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var web = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        var signIn = app.Services.GetRequiredService<AuthOptions>().ParsedMode != AuthMode.None;
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "MaximoOffline jobs",
            AppPath = "/sync",
            Authorization = signIn || web.AllowRemoteDashboard ? [new AllowAll()] : [new LocalRequestsOnlyAuthorizationFilter()],
            IsReadOnlyFunc = context => !signIn && web.AllowRemoteDashboard && !IsLocal(context),
        }).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static bool IsLocal(DashboardContext context) =>
        context.Request.RemoteIpAddress is "127.0.0.1" or "::1" || context.Request.RemoteIpAddress == context.Request.LocalIpAddress;

    // With sign-in on, the endpoint's policy (an Admin) has already let the request in.
    private sealed class AllowAll : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
