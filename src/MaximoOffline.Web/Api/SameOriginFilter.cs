namespace MaximoOffline.Web.Api;

/// <summary>
/// Refuses state-changing API calls that a browser makes on behalf of another site (cross-site
/// request forgery): such requests carry an <c>Origin</c> (or <c>Sec-Fetch-Site</c>) naming another
/// origin. Scripts and tools that send neither, such as curl, are unaffected.
/// </summary>
internal sealed class SameOriginFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var crossSite = site is "cross-site" or "same-site"
            || (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase));
        if (crossSite)
        {
            return TypedResults.Problem("Requests from other web sites may not start or cancel syncs.", statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused");
        }

        return await next(context);
    }
}
