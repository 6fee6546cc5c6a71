namespace MaximoOffline.Web.Security;

internal static class SameOriginHub
{
    /// <summary>
    /// The live hub answers pages of this app only: a WebSocket may be opened by any web page the user
    /// visits (browsers do not apply the same-origin rule to it), so a connection that a page of another
    /// origin opens is refused, whatever cookie it carries.
    /// </summary>
    public static void UseSameOriginHub(this WebApplication app) => app.Use(async (context, next) =>
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (context.Request.Path.StartsWithSegments(Live.SyncHub.Path) && origin.Length > 0
            && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    });
}
