using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>The built web app (<c>dotnet MaximoOffline.Web.dll --urls …</c>) as its own process, and a client for its API.</summary>
public sealed class WebHost : IDisposable
{
    private WebHost(ProductProcess process, Uri baseAddress)
    {
        Process = process;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ProductProcess Process { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// Starts the app on a free port with <paramref name="settings"/>, listening on <paramref name="listenHost"/>
    /// (this machine only, by default), and waits until <c>/healthz</c> says it is up.
    /// </summary>
    public static async Task<WebHost> StartAsync(string home, IReadOnlyDictionary<string, string> settings, string listenHost = "127.0.0.1")
    {
        var port = Ports.Free();

        // The app's own folder is its content root (appsettings.json); the replica and its logs are in the test's folder.
        var process = ProductProcess.Start(ProductProcess.WebDll, Path.GetDirectoryName(ProductProcess.WebDll)!, home, settings, "--urls", $"http://{listenHost}:{port}");
        var host = new WebHost(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await Wait.UntilAsync(async () =>
            {
                Assert.False(process.HasExited, $"The web app stopped while starting:\n{process.Output}");
                try
                {
                    using var response = await host.Http.GetAsync(new Uri("healthz", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60), () => $"the web app to be healthy\n{process.Output}");
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary><c>POST /api/sync/{slug}</c> with a full sync of the site → the run's id.</summary>
    public async Task<long> StartSyncAsync(string slug, string site)
    {
        using var response = await Http.PostAsJsonAsync(new Uri($"api/sync/{slug}", UriKind.Relative), new { site, full = true });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/sync/{slug}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("runId").GetInt64();
    }

    /// <summary><c>GET /api/runs/{id}</c>.</summary>
    public async Task<JsonElement> RunAsync(long runId)
    {
        using var response = await Http.GetAsync(new Uri($"api/runs/{runId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task<string> StatusAsync(long runId) => (await RunAsync(runId)).GetProperty("status").GetString()!;

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }
}
