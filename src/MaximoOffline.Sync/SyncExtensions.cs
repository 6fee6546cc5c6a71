using System.Net;
using MaximoOffline.Data;
using MaximoOffline.Sync.Client;
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
        services.AddOptions<MaximoOptions>().Bind(configuration.GetSection(MaximoOptions.Section)).ValidateOnStart();
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MaximoOptions>, MaximoOptionsValidator>();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMaximoLocator, ConfiguredMaximoLocator>();

        var sync = configuration.GetSection(SyncOptions.Section);
        services.AddMaximoData(sync[nameof(SyncOptions.DatabasePath)], sync.GetValue<int?>(nameof(SyncOptions.MaxDatabaseMegabytes)));
        services.AddSingleton<RunStore>();
        services.AddSingleton<ISyncObserver>(sp => new SyncObservers(sp.GetServices<ISyncObserverSink>()));
        services.AddSingleton<SyncService>();

        services.AddTransient<MaximoAuthHandler>();
        services.AddHttpClient<MaximoClient>()
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .AddHttpMessageHandler<MaximoAuthHandler>()
            .AddResilienceHandler("maximo", ConfigureResilience);
        services.AddHttpClient<ApiKeyCreator>().ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
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

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<MaximoOptions>>().Value;
        var attempt = TimeSpan.FromSeconds(options.TimeoutSeconds);
        builder
            .AddRetry(new HttpRetryStrategyOptions
            {
                // 5xx, 408, 429, timeouts and connection failures; never 400/401/403/404.
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(15),
                ShouldRetryAfterHeader = true,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                SamplingDuration = attempt * 2 < TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : attempt * 2,
                MinimumThroughput = 20,
                FailureRatio = 0.9,
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(attempt);
    }
}

/// <summary>A consumer of sync events (the web app's hub, the command line's display).</summary>
public interface ISyncObserverSink : ISyncObserver;
