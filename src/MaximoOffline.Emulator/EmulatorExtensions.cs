using MaximoOffline.Emulator.Api;
using MaximoOffline.Emulator.Control;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Emulator;

public static class EmulatorExtensions
{
    public static IServiceCollection AddMaximoEmulator(this IServiceCollection services, Action<EmulatorOptions>? configure = null)
    {
        var options = services.AddOptions<EmulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options
            .Validate(o => o.Scale >= 1, "Emulator:Scale must be at least 1.")
            .Validate(o => o.MaxPageSize >= 1, "Emulator:MaxPageSize must be at least 1.")
            .Validate(o => !string.IsNullOrEmpty(o.ApiKey), "Emulator:ApiKey must be set.")
            .Validate(o => o.RecordCost >= TimeSpan.Zero, "Emulator:RecordCost must not be negative.")
            .Validate(o => o.StablePagingIdleTimeout > TimeSpan.Zero, "Emulator:StablePagingIdleTimeout must be positive.")
            .Validate(o => o.DataDirectory is null || Directory.Exists(o.DataDirectory), "Emulator:DataDirectory must be an existing folder.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmulatorState>();
        return services;
    }

    // /maximo/oslc/..., /maximo/api/... and, only when ControlApiEnabled, /emulator/...
    public static IEndpointRouteBuilder MapMaximoEmulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MaximoApi.Map(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<EmulatorOptions>>().Value.ControlApiEnabled)
        {
            ControlApi.Map(endpoints);
        }
        return endpoints;
    }
}
