using System.Net;
using System.Text.Json;

namespace MaximoOffline.Sync.Client;

/// <summary>Turns Maximo's error answers into <see cref="MaximoException"/>s that say what is wrong and what to do.</summary>
internal static class MaximoErrors
{
    private const int MaxErrorBody = 64 * 1024;

    public static async Task<MaximoException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var url = response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path) ?? "Maximo";
        if ((int)status is >= 300 and < 400)
        {
            return new MaximoResponseException(
                $"Maximo at {url} redirected to {response.Headers.Location} instead of answering: not authenticated, or not a Maximo API " +
                "(a login page?). Check Maximo:BaseUrl, Maximo:ApiRoot and the credentials.", transient: false);
        }

        string body;
        try
        {
            var bytes = await ReadLimitedAsync(response.Content, cancellationToken);
            body = System.Text.Encoding.UTF8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            body = "";
        }

        var (reason, message) = Parse(body);
        var retryAfter = response.Headers.RetryAfter is { } header
            ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        return new MaximoApiException(status, reason, message, Explain(status, reason, message, url), retryAfter > TimeSpan.Zero ? retryAfter : null);
    }

    /// <summary>Where API keys come from on MAS Manage, for every message that sends a user there.</summary>
    public const string WhereKeysAreMade =
        "An administrator creates one in Manage (Administration → Integration → API Keys); set it as Maximo:ApiKey with Maximo:AuthMode ApiKey, " +
        "or create it with 'maximo-offline apikey create' on a Maximo 7.6 that still takes passwords.";

    /// <summary>
    /// A login (<c>maxauth</c> or Basic) that did not succeed. A redirect or an HTML page in answer is a
    /// Maximo Application Suite server: MAS Manage takes only API keys over its API, whatever the password.
    /// </summary>
    public static async Task<MaximoException> FromLoginAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var url = response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path) ?? "Maximo";
        var html = response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;
        if ((int)response.StatusCode is >= 300 and < 400 || html)
        {
            return new MaximoResponseException(
                $"Maximo at {url} answered the password login with {((int)response.StatusCode is >= 300 and < 400 ? $"a redirect to {response.Headers.Location}" : "an HTML sign-in page")}: " +
                $"this server (Maximo Application Suite) accepts only API keys over its API, not passwords. {WhereKeysAreMade}", transient: false);
        }

        var error = await FromResponseAsync(response, cancellationToken);
        return error is MaximoApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } refused
            ? new MaximoApiException(refused.StatusCode, refused.ReasonCode, refused.MaximoMessage,
                $"{refused.Message} If this is Maximo Application Suite (MAS) Manage, it accepts only API keys over its API: {WhereKeysAreMade}")
            : error;
    }

    internal static (string? Reason, string? Message) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (!root.TryGetProperty("Error", out var error) && !root.TryGetProperty("oslc:Error", out error))
            {
                return (null, null);
            }

            var reason = Text(error, "reasonCode") ?? Text(error, "spi:reasonCode");
            var message = Text(error, "message") ?? Text(error, "oslc:message");
            return (reason, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    internal static string Explain(HttpStatusCode status, string? reason, string? message, string url)
    {
        var detail = message is null ? "" : $": {message}";
        var code = reason is null ? $"HTTP {(int)status}" : reason;
        return reason switch
        {
            "BMXAA9549E" => $"Maximo rejected the API key ({code}){detail}. Check Maximo:ApiKey, or create a new key with 'maximo-offline apikey create'.",
            "BMXAA7901E" => $"Maximo refused the login ({code}){detail}. Check Maximo:Username and Maximo:Password.",
            "BMXAA0021E" => $"Maximo says the request is not authenticated ({code}){detail}. Check the credentials and Maximo:AuthMode.",
            "BMXAA8744E" => $"Maximo rejected the query ({code}){detail}. Check Sync:Where and the endpoint's filter.",
            "BMXAA9301E" or "BMXAA0024E" => $"The Maximo user is not authorised for this object structure ({code}){detail}. Ask a Maximo administrator to grant it.",
            "BMXAA8727E" => $"Maximo does not know this resource ({code}){detail}.",
            _ => status switch
            {
                HttpStatusCode.Unauthorized => $"Maximo at {url} answered 401 Unauthorized ({code}){detail}. Check Maximo:ApiKey or the username and password.",
                HttpStatusCode.Forbidden => $"Maximo at {url} answered 403 Forbidden ({code}){detail}. The user may lack access to this object structure.",
                HttpStatusCode.NotFound => $"Maximo at {url} answered 404 Not Found ({code}){detail}. Check Maximo:BaseUrl and Maximo:ApiRoot.",
                HttpStatusCode.TooManyRequests => $"Maximo at {url} kept answering 429 Too Many Requests{detail}; the gateway is throttling. Try again later.",
                >= HttpStatusCode.InternalServerError => $"Maximo at {url} kept failing with HTTP {(int)status}{detail}. Try again later, or ask the Maximo administrator.",
                _ => $"Maximo at {url} answered HTTP {(int)status} ({code}){detail}.",
            },
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxErrorBody];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return buffer[..read];
    }
}
