using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MaximoOffline.Emulator;

// A real Kestrel host on 127.0.0.1 with a free port, for tests and benchmarks.
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseUrl, EmulatorOptions options)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = options;
    }

    // e.g. http://127.0.0.1:41234/maximo (no trailing slash)
    public Uri BaseUrl { get; }
    public EmulatorOptions Options { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMaximoEmulator(o => CopyTo(options, o));
        var app = builder.Build();
        app.MapMaximoEmulator();
        // Load (or plan) the data now, so a bad data directory fails here rather than on the first request.
        _ = app.Services.GetRequiredService<EmulatorState>().Data;
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address.TrimEnd('/') + "/maximo"), options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static void CopyTo(EmulatorOptions from, EmulatorOptions to)
    {
        to.Scale = from.Scale;
        to.Seed = from.Seed;
        to.ApiKey = from.ApiKey;
        to.Username = from.Username;
        to.Password = from.Password;
        to.MaxPageSize = from.MaxPageSize;
        to.ControlApiEnabled = from.ControlApiEnabled;
        to.DataDirectory = from.DataDirectory;
        to.RejectCookieWithApiKey = from.RejectCookieWithApiKey;
        to.ApiKeyUser = from.ApiKeyUser;
        to.DefaultSite = from.DefaultSite;
        to.DefaultOrg = from.DefaultOrg;
        to.MaxRowstamp = from.MaxRowstamp;
        to.IgnoreOrder = from.IgnoreOrder;
        to.UnknownChild = from.UnknownChild;
        to.GatewayTimeout = from.GatewayTimeout;
        to.RecordCost = from.RecordCost;
        to.Mas = from.Mas;
        to.RowstampFormat = from.RowstampFormat;
        to.StablePagingIdleTimeout = from.StablePagingIdleTimeout;
        to.WithoutChildren = from.WithoutChildren;
    }
}
