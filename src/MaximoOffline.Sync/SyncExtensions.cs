using System.Net;
using MaximoOffline.Data;
using MaximoOffline.Data.Bookkeeping;
using Microsoft.Extensions.Logging;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Doctor;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MaximoOffline.Sync;

public static class SyncExtensions
{
    /// <summary>
    /// Registers the replica, validated settings, the Maximo client (retries, timeouts, circuit
    /// breaker, authentication) and the sync engine. Hosts add their <see cref="ISyncObserver"/>s and,
    /// to talk to something other than <c>Maximo:BaseUrl</c>, their own <see cref="IMaximoLocator"/>.
    /// </summary>
    public static IServiceCollection AddMaximoSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MaximoOptions>().Bind(configuration.GetSection(MaximoOptions.Section))
            .PostConfigure(options => options.ReadPageSizes(configuration)).ValidateOnStart();
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MaximoOptions>, MaximoOptionsValidator>();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMaximoLocator, ConfiguredMaximoLocator>();

        services.AddMaximoData(ReplicaSettings.Store(configuration));
        services.AddSingleton<SyncEventStream>();
        services.AddSingleton<ActiveRuns>();
        services.AddSingleton<RunEnding>();
        services.AddSingleton<ReplicaChecks>();
        services.AddSingleton<EndpointSyncer>();
        services.AddSingleton(sp => new SyncService(
            sp.GetRequiredService<MaximoClient>(), sp.GetRequiredService<RunQueue>(), sp.GetRequiredService<RunLog>(),
            sp.GetRequiredService<RunCounters>(), sp.GetRequiredService<EndpointSyncer>(), sp.GetRequiredService<RunEnding>(),
            sp.GetRequiredService<ActiveRuns>(), sp.GetRequiredService<SyncEventStream>(), sp.GetRequiredService<IOptions<MaximoOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SyncService>>(), sp.GetService<IRunHandover>()));

        services.AddTransient<MaximoAuthHandler>();
        services.AddHttpClient<MaximoClient>()
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan) // each attempt's timeout is MaximoRetries'
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .AddHttpMessageHandler<MaximoAuthHandler>()
            .AddResilienceHandler("maximo", ConfigureResilience);
        services.AddHttpClient<ApiKeyCreator>().ConfigurePrimaryHttpMessageHandler(PrimaryHandler);

        // The doctor: read-only checks of the configured Maximo before a first sync (Doctor/).
        services.AddHttpClient<ConnectionProbe>().ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
        services.AddTransient<MaximoDoctor>();
        return services;
    }

    // Cookies are never stored by the handler: ApiKey mode must not send any back, and the session
    // modes keep theirs in MaximoAuthHandler. Redirects are not followed: a redirect to a login page
    // means "not authenticated", and credentials never follow a redirect to another host.
    private static HttpMessageHandler PrimaryHandler() => new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    // Retries and timeouts are the client's (MaximoRetries: one layer, around the request and the reading
    // of its body). The HTTP pipeline only stops hammering a Maximo that keeps failing.
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<MaximoOptions>>().Value;
        var attempt = TimeSpan.FromSeconds(options.TimeoutSeconds);
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            SamplingDuration = attempt * 2 < TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : attempt * 2,
            MinimumThroughput = 20,
            FailureRatio = 0.9,
            BreakDuration = TimeSpan.FromSeconds(15),
        });
    }
}
