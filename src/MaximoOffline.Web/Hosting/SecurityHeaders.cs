namespace MaximoOffline.Web.Hosting;

/// <summary>
/// Security headers on every response. The app's own pages get a strict Content-Security-Policy
/// (scripts and styles from this app only, no inline script); the Hangfire dashboard and Swagger UI,
/// which ship inline scripts of their own, get one that allows them, still same-origin only.
/// </summary>
internal static class SecurityHeaders
{
    private const string Strict =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ForBundledTools =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        var tool = path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/swagger");
        headers.ContentSecurityPolicy = tool ? ForBundledTools : Strict;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });
}
