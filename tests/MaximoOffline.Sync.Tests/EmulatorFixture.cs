using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Emulator;

namespace MaximoOffline.Sync.Tests;

/// <summary>
/// One emulator per test class, on 127.0.0.1, with its control API on. The test's own view of
/// Maximo goes through plain HTTP here, independent of the client under test.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    protected virtual int Scale => 1;

    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public EmulatorServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Scale = Scale, Seed = 42, ControlApiEnabled = true };
        Configure(options);
        Server = await EmulatorServer.StartAsync(options);
        Http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl.GetLeftPart(UriPartial.Authority) + "/") };
        Http.DefaultRequestHeaders.Add("apikey", Server.Options.ApiKey);
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public async Task ResetAsync() => (await Http.PostAsync("emulator/reset", null)).EnsureSuccessStatusCode();

    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync("emulator/" + path, body ?? new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task ClearFaultsAsync() => (await Http.DeleteAsync("emulator/faults")).EnsureSuccessStatusCode();

    public async Task<long> CountAsync(string os, string? where)
    {
        var json = await GetAsync($"maximo/api/os/{os}?lean=1&count=1{(where is null ? "" : "&oslc.where=" + Uri.EscapeDataString(where))}");
        return json.GetProperty("totalCount").GetInt64();
    }

    /// <summary>Every record of a collection (pageno paging ordered by the unique id), with the children the select names.</summary>
    public async Task<List<JsonElement>> AllAsync(string os, string select, string uniqueId, string? where)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await GetAsync($"maximo/api/os/{os}?lean=1&oslc.select={Uri.EscapeDataString(select)}&oslc.orderBy=%2B{uniqueId}" +
                                      $"&oslc.pageSize=1000&pageno={page}{(where is null ? "" : "&oslc.where=" + Uri.EscapeDataString(where))}");
            var members = json.GetProperty("member");
            all.AddRange(members.EnumerateArray());
            if (!json.GetProperty("responseInfo").TryGetProperty("nextPage", out _))
            {
                return all;
            }
        }
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}

/// <summary>A larger emulator for tests that need many pages and time to act during a sync.</summary>
public sealed class LargeEmulatorFixture : EmulatorFixture
{
    protected override int Scale => 10;
}
