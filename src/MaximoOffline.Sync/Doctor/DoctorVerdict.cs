using System.Net;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// From findings to advice. A sync would work when Maximo is reachable, the credentials work, and every
/// object structure answered its count, a page of records and the delta query its sync makes (each of
/// those is a request every sync of it makes). What the sync adapts to by itself (an ignored order, a
/// <c>maxrowstamp</c> per page, byte-array rowstamps, missing children, heavy pages, throttling) is a
/// warning that says how, never a reason.
/// </summary>
internal static class DoctorVerdict
{
    /// <summary>
    /// Per endpoint the page size to start with: the configured one, or the halved one that was answered
    /// when pages were too heavy, capped by the largest the server accepts. Requests in flight: the
    /// configured number, halved when the server throttled.
    /// </summary>
    public static (IReadOnlyList<EndpointFinding> Endpoints, Recommendations Recommendations) Recommend(
        IReadOnlyList<EndpointFinding> endpoints, ServerFinding server, MaximoOptions options, bool throttled)
    {
        var sized = endpoints.Select(e =>
        {
            var configured = options.PageSizeFor(e.Slug);
            var size = e.Page is { WorkedAt: { } worked } page && PageProbe.MetHeavyPages(page) ? worked : configured;
            return e with { RecommendedPageSize = server.LargestPageSize is { } largest ? Math.Min(size, largest) : size };
        }).ToList();

        var inFlight = throttled ? Math.Max(1, options.MaxConcurrentRequests / 2) : options.MaxConcurrentRequests;
        var settings = sized.Where(e => e.RecommendedPageSize != options.PageSizeFor(e.Slug))
            .Select(e => $"Maximo__PageSize__{e.Slug}={e.RecommendedPageSize}").ToList();
        if (inFlight != options.MaxConcurrentRequests)
        {
            settings.Add($"Maximo__MaxConcurrentRequests={inFlight}");
        }

        return (sized, new Recommendations(sized.ToDictionary(e => e.Slug, e => e.RecommendedPageSize), inFlight, settings));
    }

    public static Verdict Judge(Uri baseUrl, ConnectionFinding connection, AuthFinding auth, SiteFinding site, ServerFinding server,
        IReadOnlyList<EndpointFinding> endpoints, Recommendations recommendations, MaximoOptions options, bool throttled, DateTimeOffset now)
    {
        var reasons = new List<string>();
        var warnings = new List<string>();
        if (!connection.Reachable)
        {
            reasons.Add(connection.Error ?? $"Maximo at {ConnectionProbe.Describe(baseUrl)} could not be reached.");
        }
        else if (!auth.Works)
        {
            reasons.Add($"The credentials ({auth.Mode}) were not accepted: {auth.Detail}");
        }
        else
        {
            var noSite = endpoints.Where(e => e.Error == EndpointProbe.NoSite).ToList();
            if (noSite.Count > 0)
            {
                reasons.Add($"No site to check {string.Join(", ", noSite.Select(e => e.Slug))} for ({site.Source}). Name one (--site, or ?site= on the API), or set Maximo:DefaultSite.");
            }

            foreach (var e in endpoints.Where(e => e.Count is null && e.Error != EndpointProbe.NoSite))
            {
                reasons.Add($"{e.ObjectStructure} did not answer its count: {e.Error}");
            }

            foreach (var e in endpoints.Where(e => e.Page is { WorkedAt: null }))
            {
                reasons.Add($"{e.ObjectStructure}: no page of records could be read: {e.Page!.Error}");
            }

            foreach (var e in endpoints.Where(e => e.Delta is { Works: false }))
            {
                reasons.Add($"{e.ObjectStructure}: the delta query its sync makes (to find where the next one starts) failed: {e.Delta!.Detail}");
            }
        }

        Connection(baseUrl, connection, options, now, warnings);
        Adaptations(endpoints, server, options, warnings);
        if (throttled)
        {
            warnings.Add($"The server asked for fewer requests (HTTP 429 or 503) during the check. The sync eases off by itself when that happens; " +
                         $"starting with {recommendations.MaxConcurrentRequests} request(s) in flight (Maximo__MaxConcurrentRequests) is kinder to it.");
        }

        return new Verdict(reasons.Count == 0, reasons, warnings);
    }

    private static void Connection(Uri baseUrl, ConnectionFinding connection, MaximoOptions options, DateTimeOffset now, List<string> warnings)
    {
        if (connection.Tls is { Validates: true, Expires: { } expires } && expires - now < TimeSpan.FromDays(30))
        {
            warnings.Add($"Maximo's TLS certificate expires on {expires:yyyy-MM-dd}.");
        }

        if (!connection.Encrypted && !options.UsesBuiltInEmulator && !IsLoopback(baseUrl))
        {
            warnings.Add("Maximo:BaseUrl is http: requests and answers, credentials included, travel unencrypted. Use https if the server offers it.");
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void Adaptations(IReadOnlyList<EndpointFinding> endpoints, ServerFinding server, MaximoOptions options, List<string> warnings)
    {
        string Names(List<EndpointFinding> found) =>
            found.Count == endpoints.Count && found.Count > 1 ? "Every object structure" : string.Join(", ", found.Select(e => e.ObjectStructure));

        var ignored = endpoints.Where(e => e.Order?.Outcome == OrderHandling.Ignored).ToList();
        if (ignored.Count > 0)
        {
            warnings.Add($"{Names(ignored)}: oslc.orderBy is ignored. The sync reads a stable snapshot instead " +
                         "(pages by number, de-duplicated by unique id, checked against the count), one request at a time.");
        }

        var rowstampEndpoints = endpoints.Where(e => e.Cursor == "rowstamp").ToList();
        var perPage = rowstampEndpoints.Where(e => e.MaxRowstamp?.Covers == RowstampCoverage.Page).ToList();
        if (perPage.Count > 0)
        {
            warnings.Add($"{Names(perPage)}: the maxrowstamp header covers only the page served, not the whole delta. The sync refines its cursor " +
                         "(a few more requests) until nothing newer is left.");
        }

        var noHeader = rowstampEndpoints.Where(e => e.MaxRowstamp?.Covers == RowstampCoverage.NoHeader).ToList();
        if (noHeader.Count > 0)
        {
            warnings.Add($"{Names(noHeader)}: delta answers carry no maxrowstamp header. The sync takes its cursor from the records' own rowstamps.");
        }

        var bytes = endpoints.Where(e => e.MaxRowstamp?.Format == RowstampFormat.Bytes).ToList();
        if (bytes.Count > 0)
        {
            warnings.Add($"{Names(bytes)}: rowstamps come as byte-array text (\"[0 0 0 0 0 26 -12 20]\"), not decimal. The sync converts them to numbers.");
        }

        foreach (var e in endpoints)
        {
            if (e.Children is { Missing.Count: > 0 } children)
            {
                warnings.Add($"{e.ObjectStructure} on this server has no {string.Join(", ", children.Missing)}. The sync does not ask for them; their tables stay empty.");
            }
            else if (e.Children is { Error: { } error })
            {
                warnings.Add($"{e.ObjectStructure}: the server's schema could not be used ({error}). The sync asks for every child the catalog names.");
            }

            if (e.Order is { Outcome: OrderHandling.Unknown } order)
            {
                warnings.Add($"{e.ObjectStructure}: whether oslc.orderBy is honoured could not be checked. {order.Detail}");
            }
        }

        var heavy = endpoints.Where(e => e.Page is { WorkedAt: not null } page && PageProbe.MetHeavyPages(page)).ToList();
        if (heavy.Count > 0)
        {
            var sizes = string.Join(", ", heavy.Select(e => $"{e.ObjectStructure} {e.Page!.Attempts.First(PageProbe.WasTooHeavy).PageSize}→{e.Page.WorkedAt}"));
            warnings.Add($"Pages were too heavy for the server or its gateway ({sizes}). The sync halves its pages when that happens; " +
                         "starting at the recommended page sizes spares it the failed requests.");
        }

        var overCap = endpoints.Where(e => server.LargestPageSize is { } largest && options.PageSizeFor(e.Slug) > largest).ToList();
        if (overCap.Count > 0)
        {
            warnings.Add($"{Names(overCap)}: the configured page size is over the largest this server accepts ({server.LargestPageSize}). " +
                         "The sync halves pages refused for their size; the recommended page sizes start within it.");
        }
    }
}
