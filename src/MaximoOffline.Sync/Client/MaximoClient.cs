using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// The one HTTP client for Maximo's REST API. It builds URLs, reads pages as they stream in, retries a
/// request together with the reading of its body (<see cref="MaximoRetries"/>, the one retry layer),
/// and turns every failure into a <see cref="MaximoException"/> that explains it. Authentication and a
/// circuit breaker are handlers of the HTTP pipeline it is built with (see <c>SyncExtensions</c>).
/// </summary>
public sealed class MaximoClient(HttpClient http, IMaximoLocator locator, IOptions<MaximoOptions> options, ILogger<MaximoClient> logger)
{
    private readonly MaximoOptions _options = options.Value;
    private readonly ResiliencePipeline _retries = MaximoRetries.Build(options.Value, logger);

    public Uri BaseUrl => locator.BaseUrl;

    /// <summary>The URL of a collection request.</summary>
    public Uri CollectionUri(string objectStructure, MaximoQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new Uri($"{RootUrl}/os/{objectStructure.ToLowerInvariant()}?{query.ToQueryString()}");
    }

    private string RootUrl => $"{locator.BaseUrl}/{_options.ApiRoot}";

    /// <param name="hooks">What the caller wants told about retries, and whether it adapts its page size itself.</param>
    public Task<MaximoPage> GetPageAsync(string objectStructure, MaximoQuery query, CancellationToken cancellationToken, ReadHooks? hooks = null) =>
        GetPageAsync(CollectionUri(objectStructure, query), cancellationToken, hooks);

    /// <summary>Reads one page; a <c>nextPage</c> link is re-based onto the configured Maximo first.</summary>
    public Task<MaximoPage> GetPageAsync(Uri url, CancellationToken cancellationToken, ReadHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        url = Rebase(url);
        return WithRetriesAsync(url, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await SendAsync(request, token);
            var maxRowstamp = response.Headers.TryGetValues("maxrowstamp", out var values)
                && Rowstamps.TryParse(values.FirstOrDefault(), out var stamp) ? stamp : (long?)null;
            return await ReadPageAsync(response, url, maxRowstamp, token);
        }, hooks, cancellationToken);
    }

    private async Task<T> WithRetriesAsync<T>(Uri url, Func<CancellationToken, Task<T>> attempt, ReadHooks? hooks, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MaximoRetries.Hooks, hooks);
        try
        {
            return await _retries.ExecuteAsync(static async (context, attempt) => await attempt(context.CancellationToken), context, attempt);
        }
        catch (TimeoutRejectedException e)
        {
            throw new MaximoUnreachableException(
                $"Maximo at {url.GetLeftPart(UriPartial.Path)} did not answer within {_options.TimeoutSeconds} s, even after {_options.MaxRetries} retries. " +
                "Check the server, or raise Maximo:TimeoutSeconds.", transient: false, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The number of records a query matches (<c>count=1</c>).</summary>
    public async Task<long> CountAsync(string objectStructure, MaximoQuery query, CancellationToken cancellationToken, ReadHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var page = await GetPageAsync(objectStructure, query with { CountOnly = true, Select = null, OrderBy = [], PageSize = null }, cancellationToken, hooks);
        return page.TotalCount is long total && total >= 0
            ? total
            : throw new MaximoResponseException($"Maximo at {BaseUrl} answered a count request without a valid totalCount.", transient: false);
    }

    /// <summary>The user the credentials belong to (<c>{root}/whoami</c>), including its default site.</summary>
    public async Task<(string? UserId, string? DefaultSite)> WhoAmIAsync(CancellationToken cancellationToken, ReadHooks? hooks = null)
    {
        var url = new Uri($"{RootUrl}/whoami?lean=1");
        return await WithRetriesAsync(url, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await SendAsync(request, token);
            using var document = await ReadJsonAsync(response, url, token);
            var root = document.RootElement;
            return (Text(root, "userid") ?? Text(root, "userName"), Text(root, "defsite") ?? Text(root, "insertSite"));
        }, hooks, cancellationToken);
    }

    /// <summary>A JSON resource under the API root other than a collection (<c>jsonschemas/mxapiasset</c>, <c>whoami</c>).</summary>
    public Task<JsonDocument> GetDocumentAsync(string path, CancellationToken cancellationToken, ReadHooks? hooks = null)
    {
        var url = new Uri($"{RootUrl}/{path.TrimStart('/')}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}lean=1");
        return WithRetriesAsync(url, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await SendAsync(request, token);
            return await ReadJsonAsync(response, url, token);
        }, hooks, cancellationToken);
    }

    /// <summary>
    /// A <c>nextPage</c> (or any) link re-based onto the configured base URL: behind a proxy Maximo may
    /// name an internal host or scheme, and no request ever goes to a host other than the configured one.
    /// </summary>
    public Uri Rebase(Uri href)
    {
        ArgumentNullException.ThrowIfNull(href);
        var baseUrl = locator.BaseUrl;
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var path = href.AbsolutePath;
        var at = basePath.Length == 0 ? -1 : path.IndexOf(basePath + "/", StringComparison.OrdinalIgnoreCase);
        var rest = at >= 0 ? path[(at + basePath.Length)..] : path;
        return new Uri($"{baseUrl.GetLeftPart(UriPartial.Authority)}{basePath}{rest}{href.Query}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        var where = request.RequestUri!.GetLeftPart(UriPartial.Path);
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException)
        {
            throw new MaximoUnreachableException($"Maximo at {where} could not be reached ({e.Message}). Check Maximo:BaseUrl and that the server is up.", transient: true, e);
        }
        catch (BrokenCircuitException e)
        {
            throw new MaximoUnreachableException($"Maximo at {where} has been failing, so requests are paused for a while ({e.Message}).", transient: false, e);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await MaximoErrors.FromResponseAsync(response, cancellationToken);
            }
        }

        return response;
    }

    /// <summary>A page: its records parsed over a pooled buffer, one small document each (see <see cref="PageParser"/>).</summary>
    private Task<MaximoPage> ReadPageAsync(HttpResponseMessage response, Uri url, long? maxRowstamp, CancellationToken cancellationToken) =>
        ReadAnswerAsync(response, url, async body =>
        {
            var (buffer, length) = await PageBuffers.ReadAsync(body, response.Content.Headers.ContentLength, cancellationToken);
            MaximoPage? page = null;
            try
            {
                page = PageParser.Parse(buffer, length, maxRowstamp);
                return page ?? throw NotAnObject(url);
            }
            finally
            {
                // The buffer goes back unless a page of records now owns it: once, whatever happened.
                if (page is not { OwnsBuffer: true })
                {
                    PageBuffers.Return(buffer);
                }
            }
        }, cancellationToken);

    /// <summary>A JSON document in lean form, whatever form Maximo answered in.</summary>
    private Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken) =>
        ReadAnswerAsync(response, url, async body =>
        {
            var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
            if (LeanJson.IsNamespaced(document.RootElement))
            {
                using (document)
                {
                    return LeanJson.ToLean(document.RootElement);
                }
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw NotAnObject(url);
            }

            return document;
        }, cancellationToken);

    private static MaximoResponseException NotAnObject(Uri url) =>
        new($"Maximo at {url.GetLeftPart(UriPartial.Path)} answered with JSON that is not an object: not a Maximo API? Check Maximo:BaseUrl.", transient: false);

    /// <summary>
    /// Reads and checks a JSON answer: not HTML, not over <c>Maximo:MaxPageMegabytes</c>, complete;
    /// <paramref name="parse"/> turns the size-limited body into what the caller wants.
    /// </summary>
    private async Task<T> ReadAnswerAsync<T>(HttpResponseMessage response, Uri url, Func<Stream, Task<T>> parse, CancellationToken cancellationToken)
    {
        var where = url.GetLeftPart(UriPartial.Path);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)))
        {
            throw new MaximoResponseException(
                $"Maximo at {where} answered with {mediaType} instead of JSON: not authenticated, or not a Maximo API (a login page?). " +
                "Check Maximo:BaseUrl, Maximo:ApiRoot and the credentials.", transient: false);
        }

        var limit = (long)_options.MaxPageMegabytes * 1024 * 1024;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new MaximoResponseException(
                $"Maximo at {where} sent a page of {response.Content.Headers.ContentLength / (1024 * 1024)} MB, over Maximo:MaxPageMegabytes ({_options.MaxPageMegabytes}); lower Maximo:PageSize.",
                transient: false);
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var limited = new LimitedStream(body, limit);
            return await parse(limited);
        }
        catch (LimitedStream.TooLargeException)
        {
            throw new MaximoResponseException(
                $"Maximo at {where} sent a page over Maximo:MaxPageMegabytes ({_options.MaxPageMegabytes} MB); lower Maximo:PageSize.", transient: false);
        }
        catch (JsonException e) when (LooksLikeHtml(e))
        {
            throw new MaximoResponseException(
                $"Maximo at {where} answered with HTML instead of JSON: not authenticated, or not a Maximo API (a login page?). " +
                "Check Maximo:BaseUrl, Maximo:ApiRoot and the credentials.", transient: false, e);
        }
        catch (JsonException e)
        {
            throw new MaximoResponseException($"Maximo at {where} sent an incomplete or invalid JSON page ({e.Message}).", transient: true, e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new MaximoUnreachableException($"The connection to Maximo at {where} was dropped while a page was being read ({e.Message}).", transient: true, e);
        }
    }

    // A body starting with '<' fails at its first byte.
    private static bool LooksLikeHtml(JsonException e) => e.BytePositionInLine == 0 && e.LineNumber == 0 && e.Message.Contains('<', StringComparison.Ordinal);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
