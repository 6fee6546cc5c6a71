using System.Net;
using MaximoOffline.Reliability.Tests.Support;
using MaximoOffline.Tests.Shared;

namespace MaximoOffline.Reliability.Tests;

/// <summary>
/// The built web app, started as a user would start it on a server: it will not listen beyond this
/// machine while nobody has to sign in, says why and what to do, and starts once sign-in is on (or
/// anonymous access is chosen explicitly). Bad sign-in settings stop it with the setting to fix.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-startup-tests", Guid.NewGuid().ToString("N"));

    public StartupRefusalTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:{port}")]
    [InlineData("--urls", "http://+:{port}")]
    [InlineData("ASPNETCORE_URLS", "http://*:{port}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{port}")]
    [InlineData("Kestrel__Endpoints__Web__Url", "http://0.0.0.0:{port}")]
    public async Task ItRefusesToListenBeyondLocalhostWithoutSignIn(string how, string value)
    {
        var address = value.Replace("{port}", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var settings = Settings();
        string[] args = [];
        if (how.StartsWith("--", StringComparison.Ordinal))
        {
            args = [how, address];
        }
        else
        {
            settings[how] = address;
        }

        var result = await ProductProcess.RunAsync(ProductProcess.WebDll, _folder, settings, args, timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Refusing to listen on", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode=Local", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Auth:AllowAnonymousRemote=true", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "maximo.db")), "a refused start touches no replica");
    }

    [Theory]
    [InlineData("Auth__Mode", "Local", HttpStatusCode.Unauthorized)]
    [InlineData("Auth__AllowAnonymousRemote", "true", HttpStatusCode.OK)]
    public async Task ItListensBeyondLocalhostOnceSignInIsOnOrAnonymousAccessIsChosen(string name, string value, HttpStatusCode endpoints)
    {
        var settings = Settings();
        settings[name] = value;

        using var host = await WebHost.StartAsync(_folder, settings, listenHost: "0.0.0.0");
        using var response = await host.Http.GetAsync(new Uri("api/endpoints", UriKind.Relative));

        Assert.Equal(endpoints, response.StatusCode);
        host.Process.Terminate();
        await host.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("Auth__Mode", "Sometimes", "Auth:Mode 'Sometimes' is not a mode")]
    [InlineData("Auth__Mode", "Oidc", "Auth:Oidc:Authority must be your identity provider's issuer URL")]
    [InlineData("Auth__MaxFailedSignIns", "0", "Auth:MaxFailedSignIns must be between 1 and 100")]
    public async Task BadSignInSettingsStopItWithTheSettingToFix(string name, string value, string message)
    {
        var settings = Settings();
        settings[name] = value;

        var result = await ProductProcess.RunAsync(ProductProcess.WebDll, _folder, settings, ["--urls", $"http://127.0.0.1:{Ports.Free()}"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings() => new() { ["Sync__DatabasePath"] = Path.Combine(_folder, "maximo.db") };
}
