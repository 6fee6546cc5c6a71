using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MaximoOffline.Emulator.Tests.Support;

// Calls to the emulator's /emulator control API (outside /maximo).
public static class EmulatorControl
{
    public static Uri Url(MaximoHttp http, string path) => new(new Uri(http.BaseUrl.GetLeftPart(UriPartial.Authority)), $"/emulator/{path}");

    public static async Task<JsonObject> PostAsync(MaximoHttp http, string path, object? body = null)
    {
        using var response = await http.Client.PostAsync(Url(http, path), body is null ? null : JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> GetAsync(MaximoHttp http, string path)
    {
        using var response = await http.Client.GetAsync(Url(http, path));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static Task ResetAsync(MaximoHttp http) => PostAsync(http, "reset");

    public static long[] Ids(JsonObject body, string name) => body[name]!.AsArray().Select(n => n!.GetValue<long>()).ToArray();
}
