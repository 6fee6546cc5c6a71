using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// Creates an API key for a user who has a password: logs in as that user and asks
/// <c>apitoken/create</c>; where that is not available, creates it through <c>os/mxapiapikey</c> and
/// reads it back. The password is sent only in the login header, to the configured host.
/// </summary>
public sealed class ApiKeyCreator(HttpClient http, IMaximoLocator locator, IOptions<MaximoOptions> options)
{
    public async Task<string> CreateAsync(string username, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(password);
        var root = $"{locator.BaseUrl}/{options.Value.ApiRoot}";
        var session = await LogInAsync(root, username, password, cancellationToken);

        using (var create = Request(HttpMethod.Post, $"{root}/apitoken/create?lean=1", session, new { expiration = -1 }))
        using (var response = await SendAsync(create, cancellationToken))
        {
            if (response.IsSuccessStatusCode)
            {
                return FindKey(await response.Content.ReadAsStringAsync(cancellationToken))
                    ?? throw new MaximoResponseException($"Maximo at {root} created an API key but the answer did not contain it.", transient: false);
            }

            if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                throw await MaximoErrors.FromResponseAsync(response, cancellationToken);
            }
        }

        // Older servers: an administrator's route, which also works for a user creating their own key.
        using (var create = Request(HttpMethod.Post, $"{root}/os/mxapiapikey?lean=1", session, new { expiration = -1, userid = username.ToUpperInvariant() }))
        using (var response = await SendAsync(create, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await MaximoErrors.FromResponseAsync(response, cancellationToken);
            }
        }

        var where = Uri.EscapeDataString(MaximoWhere.Equal("userid", username.ToUpperInvariant()));
        using var read = Request(HttpMethod.Get, $"{root}/os/mxapiapikey?lean=1&oslc.select=*&oslc.where={where}", session, null);
        using var found = await SendAsync(read, cancellationToken);
        if (!found.IsSuccessStatusCode)
        {
            throw await MaximoErrors.FromResponseAsync(found, cancellationToken);
        }

        return FindKey(await found.Content.ReadAsStringAsync(cancellationToken))
            ?? throw new MaximoResponseException($"Maximo at {root} reported no API key for {username} after creating one.", transient: false);
    }

    private async Task<string> LogInAsync(string root, string username, string password, CancellationToken cancellationToken)
    {
        using var login = new HttpRequestMessage(HttpMethod.Post, $"{root}/login?lean=1");
        login.Headers.TryAddWithoutValidation("maxauth", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        using var response = await SendAsync(login, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw await MaximoErrors.FromLoginAsync(response, cancellationToken);
        }

        return response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? string.Join("; ", cookies.Select(c => c.Split(';', 2)[0].Trim()))
            : throw new MaximoResponseException($"Logging in to Maximo at {root} returned no session.", transient: false);
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string session, object? body)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Cookie", session);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new MaximoUnreachableException($"Maximo at {locator.BaseUrl} could not be reached ({e.Message}). Check Maximo:BaseUrl.", transient: false, e);
        }
    }

    /// <summary>The key is <c>apikey</c> at the top, or in the first member of a collection.</summary>
    private static string? FindKey(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("apikey", out var key) && key.ValueKind == JsonValueKind.String)
        {
            return key.GetString();
        }

        foreach (var name in new[] { "member", "rdfs:member" })
        {
            if (root.TryGetProperty(name, out var members) && members.ValueKind == JsonValueKind.Array)
            {
                foreach (var member in members.EnumerateArray())
                {
                    if ((member.TryGetProperty("apikey", out key) || member.TryGetProperty("spi:apikey", out key)) && key.ValueKind == JsonValueKind.String)
                    {
                        return key.GetString();
                    }
                }
            }
        }

        return null;
    }
}
