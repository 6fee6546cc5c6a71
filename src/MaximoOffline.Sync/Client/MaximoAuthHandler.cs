using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// Authenticates every request to Maximo. ApiKey mode sends the key as a header and never sends a
/// cookie (Maximo prefers an empty session over a key and answers 401). MaxAuth and Basic modes log
/// in once, replay the session cookies, and log in again once when the session has expired.
/// Credentials go only to the configured host.
/// </summary>
internal sealed class MaximoAuthHandler(IMaximoLocator locator, IOptions<MaximoOptions> options) : DelegatingHandler
{
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private string? _sessionCookies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = locator.BaseUrl;
        if (request.RequestUri is null || Uri.Compare(request.RequestUri, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new MaximoResponseException(
                $"Refused to send a request to {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: credentials go only to the configured Maximo ({target.GetLeftPart(UriPartial.Authority)}).",
                transient: false);
        }

        request.Headers.Remove("apikey");
        request.Headers.Remove("Cookie");
        if (options.Value.AuthMode == MaximoAuthMode.ApiKey || options.Value.UsesBuiltInEmulator)
        {
            if (locator.ApiKey is { Length: > 0 } key)
            {
                request.Headers.TryAddWithoutValidation("apikey", key);
            }

            return await base.SendAsync(request, cancellationToken);
        }

        var session = _sessionCookies ?? await LogInAsync(null, cancellationToken);
        request.Headers.TryAddWithoutValidation("Cookie", session);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is not null)
        {
            return response;
        }

        // The session expired: log in again once and repeat the (content-less) request.
        response.Dispose();
        session = await LogInAsync(session, cancellationToken);
        using var retry = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers.Where(h => h.Key != "Cookie"))
        {
            retry.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        retry.Headers.TryAddWithoutValidation("Cookie", session);
        return await base.SendAsync(retry, cancellationToken);
    }

    private async Task<string> LogInAsync(string? expired, CancellationToken cancellationToken)
    {
        await _loginLock.WaitAsync(cancellationToken);
        try
        {
            if (_sessionCookies is not null && _sessionCookies != expired)
            {
                return _sessionCookies; // another request logged in meanwhile
            }

            var settings = options.Value;
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"));
            using var login = new HttpRequestMessage(HttpMethod.Post, new Uri(locator.BaseUrl + "/" + settings.ApiRoot + "/login?lean=1"));
            if (settings.AuthMode == MaximoAuthMode.Basic)
            {
                login.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            }
            else
            {
                login.Headers.TryAddWithoutValidation("maxauth", credentials);
            }

            using var response = await base.SendAsync(login, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw await MaximoErrors.FromLoginAsync(response, cancellationToken);
            }

            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
                ? string.Join("; ", values.Select(v => v.Split(';', 2)[0].Trim()))
                : "";
            if (cookies.Length == 0)
            {
                throw new MaximoResponseException(
                    $"Logging in to Maximo at {locator.BaseUrl} returned no session cookie; check Maximo:AuthMode (MaxAuth or Basic) and Maximo:ApiRoot.",
                    transient: false);
            }

            return _sessionCookies = cookies;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _loginLock.Dispose();
        }

        base.Dispose(disposing);
    }
}
