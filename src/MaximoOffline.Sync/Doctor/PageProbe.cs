using System.Net;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// One page of records as the sync reads them (its select, ordered by the unique id) at the configured
/// page size: its time and bytes. A page too heavy for the server or its gateway is asked again at half
/// the size, as the sync does (<see cref="PageWeight"/>), down to the same floor; the size that worked
/// is the one to start with.
/// </summary>
internal sealed class PageProbe(ProbeRequests maximo, MaximoOptions options, TimeProvider time)
{
    public const string Answered = "ok";
    public const string SizeRefused = "page size refused";

    public async Task<PageFinding> CheckAsync(EndpointDefinition endpoint, MaximoQuery scope, string select, CancellationToken cancellationToken)
    {
        var configured = options.PageSizeFor(endpoint.Slug);
        var attempts = new List<PageAttempt>();
        for (var size = configured; ; size = Math.Max(PageWeight.Minimum, size / 2))
        {
            var started = time.GetTimestamp();
            try
            {
                using var page = await maximo.PageAsync(endpoint.ObjectStructure,
                    scope with { Select = select, OrderBy = [(endpoint.UniqueId, true)], PageSize = size }, cancellationToken, adaptsPageWeight: true);
                var milliseconds = Elapsed(started);
                attempts.Add(new PageAttempt(size, milliseconds, Answered));
                return new PageFinding(configured, size, page.Members.Count, milliseconds, page.Bytes, attempts, null);
            }
            catch (MaximoException e) when (MaximoFailures.IsPageTooHeavy(e))
            {
                attempts.Add(new PageAttempt(size, Elapsed(started), Outcome(e)));
                if (size <= PageWeight.Minimum)
                {
                    return new PageFinding(configured, null, 0, null, null, attempts,
                        $"Even a page of {size} {endpoint.ObjectStructure} records was too much for Maximo ({Outcome(e)}): {e.Message}");
                }
            }
            catch (MaximoException e)
            {
                attempts.Add(new PageAttempt(size, Elapsed(started), Outcome(e)));
                return new PageFinding(configured, null, 0, null, null, attempts, e.Message);
            }
        }
    }

    /// <summary>True when a page was too heavy to serve, not merely over the server's page size limit.</summary>
    public static bool MetHeavyPages(PageFinding page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Attempts.Any(WasTooHeavy);
    }

    /// <summary>An attempt that failed for the page's weight (a 504, a timeout), not its size being over the limit.</summary>
    public static bool WasTooHeavy(PageAttempt attempt) => attempt?.Outcome is not (null or Answered or SizeRefused);

    private double Elapsed(long started) => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1);

    private static string Outcome(MaximoException e) => e switch
    {
        MaximoApiException { StatusCode: HttpStatusCode.BadRequest } when MaximoFailures.IsPageTooHeavy(e) => SizeRefused,
        MaximoApiException api => $"HTTP {(int)api.StatusCode}",
        _ when MaximoFailures.IsPageTooHeavy(e) => "no answer in time",
        _ => "failed",
    };
}
