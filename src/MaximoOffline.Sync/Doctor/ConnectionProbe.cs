namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// Whether Maximo answers at all, and how fast: one request without credentials (any HTTP answer, a
/// 401 included, means the server is there), and for https the TLS handshake on its own connection.
/// Its own HTTP client, built like <see cref="Client.ApiKeyCreator"/>'s: it sends no credentials, so
/// a refused login cannot pass for an unreachable server, and it is tried once, not retried.
/// </summary>
public sealed class ConnectionProbe(HttpClient http, TimeProvider time)
{
    public async Task<ConnectionFinding> CheckAsync(Uri baseUrl, string apiRoot, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var encrypted = baseUrl.Scheme == Uri.UriSchemeHttps;
        var tls = encrypted ? await TlsProbe.CheckAsync(baseUrl.Host, baseUrl.Port, timeout, cancellationToken) : null;
        var where = Describe(baseUrl);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{baseUrl.ToString().TrimEnd('/')}/{apiRoot}/whoami?lean=1"));
        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return new ConnectionFinding(true, Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1), (int)response.StatusCode, encrypted, tls, null);
        }
        catch (HttpRequestException e)
        {
            var why = tls is { Validates: false, Problem: { } problem } ? $" The TLS certificate does not validate: {problem}" : "";
            return new ConnectionFinding(false, null, null, encrypted, tls,
                $"Maximo at {where} could not be reached ({e.Message}).{why} Check Maximo:BaseUrl and that the server is up.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectionFinding(false, null, null, encrypted, tls,
                $"Maximo at {where} did not answer within {timeout.TotalSeconds:N0} s. Check Maximo:BaseUrl, or raise Maximo:TimeoutSeconds.");
        }
    }

    /// <summary>A base URL as it may be shown: scheme, host, port and path; never user info or a query.</summary>
    public static string Describe(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
    }
}
