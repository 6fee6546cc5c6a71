using System.Net.Http.Json;
using MaximoOffline.Emulator;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// An emulator for tests that kill or watch a sync mid-run: the control API on, and a small random
/// latency on every object structure request, so that a sync lasts long enough to land in the middle of.
/// </summary>
public static class SlowEmulator
{
    /// <summary>Starts it, with a client of its control API (and its records) that sends the API key.</summary>
    public static async Task<(EmulatorServer Server, HttpClient Http)> StartAsync(int scale, int maxDelayMs)
    {
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { Scale = scale, Seed = 42, ControlApiEnabled = true });
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl.GetLeftPart(UriPartial.Authority) + "/"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("apikey", server.Options.ApiKey);
        using var latency = await http.PostAsJsonAsync(new Uri("emulator/faults", UriKind.Relative),
            new { kind = "latency", minDelayMs = 5, maxDelayMs, path = "/os/" });
        latency.EnsureSuccessStatusCode();
        return (server, http);
    }
}
