using System.Net.Http.Json;
using System.Text.Json;

namespace MaximoOffline.Tests.Shared;

/// <summary>
/// A gate in front of an emulator (a <c>hold</c> fault): the requests for records' pages
/// (<c>oslc.select=*…</c>) of one object structure wait until the test opens it. A run can then be
/// caught mid-read without relying on timing. <paramref name="http"/> reaches the emulator's control
/// API at <c>emulator/…</c>.
/// </summary>
public sealed class PageGate
{
    private readonly HttpClient _http;
    private readonly int _id;

    private PageGate(HttpClient http, int id)
    {
        _http = http;
        _id = id;
    }

    /// <summary>
    /// Holds the page requests of <paramref name="path"/>: every one, every <paramref name="fraction"/>-th,
    /// or only the first <paramref name="count"/> of those (later ones pass).
    /// </summary>
    public static async Task<PageGate> CloseAsync(HttpClient http, string path, double? fraction = null, int? count = null)
    {
        using var response = await http.PostAsJsonAsync(new Uri("emulator/faults", UriKind.Relative),
            new { kind = "hold", path, query = "oslc.select=*", fraction, count });
        response.EnsureSuccessStatusCode();
        return new PageGate(http, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    /// <summary>Waits until at least one request is held at the gate.</summary>
    public Task ReachedAsync() => Wait.UntilAsync(async () =>
    {
        var faults = await _http.GetFromJsonAsync<JsonElement>(new Uri("emulator/faults", UriKind.Relative));
        return faults.EnumerateArray().Any(f => f.GetProperty("id").GetInt32() == _id && f.GetProperty("held").GetInt32() > 0);
    }, what: () => $"a page request held at gate {_id}");

    /// <summary>Lets the held requests, and every later one, through; a gate already open stays so.</summary>
    public async Task OpenAsync()
    {
        using var response = await _http.PostAsync(new Uri($"emulator/faults/{_id}/release", UriKind.Relative), null);
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }
}
