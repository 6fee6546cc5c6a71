using System.Net;
using Polly.Timeout;

namespace MaximoOffline.Sync.Client;

/// <summary>What a failed Maximo request says about the request itself: too heavy, or too many at once.</summary>
public static class MaximoFailures
{
    /// <summary>
    /// The page was too much for the server or the gateway in front of it: a 504 or 502 (an OpenShift
    /// route gives up after 30 s), a timeout, or a 400 refusing the page size (<c>mxe.oslc.maxpagesize</c>).
    /// </summary>
    public static bool IsPageTooHeavy(Exception e) => e switch
    {
        MaximoApiException { StatusCode: HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway } => true,
        MaximoApiException { StatusCode: HttpStatusCode.BadRequest } api => MentionsPageSize(api.MaximoMessage) || MentionsPageSize(api.Message),
        MaximoUnreachableException { InnerException: TimeoutRejectedException } => true,
        TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>The server or a gateway asked for fewer requests: 429 Too Many Requests or 503 Service Unavailable.</summary>
    public static bool IsThrottled(Exception e) =>
        e is MaximoApiException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable };

    private static bool MentionsPageSize(string? text) =>
        text is not null && (text.Contains("page size", StringComparison.OrdinalIgnoreCase) || text.Contains("pagesize", StringComparison.OrdinalIgnoreCase));
}
