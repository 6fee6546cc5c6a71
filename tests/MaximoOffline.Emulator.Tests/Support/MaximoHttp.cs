using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace MaximoOffline.Emulator.Tests.Support;

// A thin HTTP helper for the tests: builds URLs under the emulator's /maximo base, sends the API key
// unless told otherwise, and never keeps cookies (tests that need one send it themselves).
public sealed class MaximoHttp(Uri baseUrl, string apiKey) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    public Uri BaseUrl => baseUrl;
    public HttpClient Client => _client;

    public Uri Url(string path, IDictionary<string, string?>? query = null)
    {
        var url = $"{baseUrl}/{path.TrimStart('/')}";
        return new Uri(query is null ? url : QueryHelpers.AddQueryString(url, query));
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, IDictionary<string, string?>? query = null,
        bool withKey = true, Action<HttpRequestMessage>? configure = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, Url(path, query));
        if (withKey)
        {
            request.Headers.Add("apikey", apiKey);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        configure?.Invoke(request);
        return _client.SendAsync(request);
    }

    public async Task<JsonObject> GetJsonAsync(string path, IDictionary<string, string?>? query = null)
    {
        using var response = await SendAsync(HttpMethod.Get, path, query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    // Lean collection query with the given parameters.
    public Task<JsonObject> QueryAsync(string os, params (string Key, string Value)[] parameters)
    {
        var query = new Dictionary<string, string?> { ["lean"] = "1" };
        foreach (var (key, value) in parameters)
        {
            query[key] = value;
        }
        return GetJsonAsync($"api/os/{os}", query);
    }

    public async Task<int> CountAsync(string os, string where) =>
        (int)(await QueryAsync(os, ("count", "1"), ("oslc.where", where)))["totalCount"]!;

    // Follows nextPage from page 1 and returns every member.
    public async Task<List<JsonObject>> PageAllAsync(string os, int pageSize, params (string Key, string Value)[] parameters)
    {
        var all = new List<JsonObject>();
        var first = await QueryAsync(os, [.. parameters, ("oslc.pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var page = first;
        while (true)
        {
            all.AddRange(page["member"]!.AsArray().Select(m => m!.AsObject()));
            var next = page["responseInfo"]?["nextPage"]?["href"]?.GetValue<string>();
            if (next is null)
            {
                return all;
            }
            using var response = await SendAsync(HttpMethod.Get, "", configure: r => r.RequestUri = new Uri(next));
            page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);

    public void Dispose() => _client.Dispose();
}
