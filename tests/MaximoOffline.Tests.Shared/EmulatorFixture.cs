using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Emulator;
using Xunit;

namespace MaximoOffline.Tests.Shared;

/// <summary>
/// One emulator per test class (a class fixture), on 127.0.0.1, with its control API on. The test's
/// own view of Maximo goes through plain HTTP here, independent of the client under test. Subclasses
/// choose the scale and other options.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    protected virtual int Scale => 1;

    protected virtual int Seed => 42;

    /// <summary>Changes the options before the emulator starts (variations, limits).</summary>
    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public EmulatorServer Server { get; private set; } = null!;

    /// <summary>Plain HTTP to the emulator's host (<c>maximo/…</c>, <c>emulator/…</c>), sending its API key.</summary>
    public HttpClient Http { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Scale = Scale, Seed = Seed, ControlApiEnabled = true };
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

    public async Task ResetAsync() => (await Http.PostAsync(new Uri("emulator/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();

    /// <summary>Back to the generated data with no faults: what each test of a class sharing the emulator starts from.</summary>
    public async Task RestoreAsync()
    {
        await ResetAsync();
        await ClearFaultsAsync();
    }

    /// <summary>A control API call (<c>POST /emulator/{path}</c>) and its JSON answer.</summary>
    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("emulator/" + path, UriKind.Relative), body ?? new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task ClearFaultsAsync() => (await Http.DeleteAsync(new Uri("emulator/faults", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary>Maximo's own count of a collection (<c>count=1</c>), asked with the emulator's API key or <paramref name="apiKey"/>.</summary>
    public async Task<long> CountAsync(string objectStructure, string? where, string? apiKey = null)
    {
        var json = await GetAsync($"maximo/api/os/{objectStructure}?lean=1&count=1{(where is null ? "" : "&oslc.where=" + Uri.EscapeDataString(where))}", apiKey);
        return json.GetProperty("totalCount").GetInt64();
    }

    /// <summary>Every record of a collection (pageno paging ordered by the unique id), with the children the select names.</summary>
    public async Task<List<JsonElement>> AllAsync(string objectStructure, string select, string uniqueId, string? where, int pageSize = 1000)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await GetAsync($"maximo/api/os/{objectStructure}?lean=1&oslc.select={Uri.EscapeDataString(select)}&oslc.orderBy=%2B{uniqueId}" +
                                      $"&oslc.pageSize={pageSize}&pageno={page}{(where is null ? "" : "&oslc.where=" + Uri.EscapeDataString(where))}");
            all.AddRange(json.GetProperty("member").EnumerateArray());
            if (!json.GetProperty("responseInfo").TryGetProperty("nextPage", out _))
            {
                return all;
            }
        }
    }

    public async Task<JsonElement> GetAsync(string url, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (apiKey is not null)
        {
            request.Headers.Remove("apikey");
            request.Headers.Add("apikey", apiKey);
        }

        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}
