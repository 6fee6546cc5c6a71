using System.Security.Cryptography;
using MaximoOffline.Emulator;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Settings;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Web.Hosting;

/// <summary>
/// With no <c>Maximo:BaseUrl</c>, the app hosts the Maximo emulator itself under <c>/maximo</c> and
/// syncs from it over its own loopback address: a complete demo on a fresh machine, through exactly
/// the same client, HTTP and all, that a real Maximo gets. Its API key is made up per start.
/// </summary>
internal static class BuiltInMaximo
{
    public static IServiceCollection AddBuiltInMaximo(this IServiceCollection services, IConfiguration configuration)
    {
        if (!MaximoOptions.UsesBuiltInEmulatorIn(configuration))
        {
            return services;
        }

        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        services.AddMaximoEmulator(o =>
        {
            o.Scale = web.EmulatorScale;
            o.ApiKey = key;
            o.ControlApiEnabled = web.EmulatorControl;
        });
        services.AddSingleton<IMaximoLocator>(sp => new Locator(sp.GetRequiredService<IServer>(), key));
        return services;
    }

    public static WebApplication MapBuiltInMaximo(this WebApplication app)
    {
        if (MaximoOptions.UsesBuiltInEmulatorIn(app.Configuration))
        {
            // The emulated Maximo checks its own API key, as Maximo does; the app's sign-in is not its. It
            // answers this machine only (the app's own engine, tests): to others there is nothing here.
            app.MapGroup("").AllowAnonymous()
                .AddEndpointFilter(async (context, next) =>
                    context.HttpContext.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
                        ? await next(context)
                        : Results.NotFound())
                .MapMaximoEmulator();
        }

        return app;
    }

    /// <summary>What the banner says the app syncs from.</summary>
    public static string Describe(MaximoOptions options) =>
        options.UsesBuiltInEmulator ? "the built-in Maximo emulator (no Maximo:BaseUrl is set)" : $"Maximo at {options.BaseUrl}";

    private sealed class Locator(IServer server, string key) : IMaximoLocator
    {
        private Uri? _baseUrl;

        public Uri BaseUrl => _baseUrl ??= Resolve();

        public string? ApiKey => key;

        // The app's own address as Kestrel bound it, on loopback: requests never leave the machine.
        private Uri Resolve()
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The web server has no address yet.");
            var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (uri.Host is "localhost" or "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "127.0.0.1";
            }

            uri.Path = "/maximo";
            return uri.Uri;
        }
    }
}
