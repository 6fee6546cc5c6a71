using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MaximoOffline.Emulator.Auth;

namespace MaximoOffline.Emulator.Api;

// --mas: MAS Manage takes no password over the API. login (maxauth or Basic) and every /maximo/oslc
// request without a session are redirected (302) to the suite's OIDC login page, an HTML form; API
// keys on /maximo/api are the only way in. The page itself is served here too, so a client that
// follows the redirect sees HTML where it expected JSON.
internal static class MasLogin
{
    public const string AuthorizePath = "/oidc/endpoint/MaximoAppSuite/authorize";

    private const string LoginPage =
        "<!DOCTYPE html><html><head><title>IBM Maximo Application Suite - Log in</title></head><body>" +
        "<form method=\"post\" action=\"/oidc/endpoint/MaximoAppSuite/login\"><h1>Log in to IBM Maximo Application Suite</h1>" +
        "<input name=\"username\"/><input type=\"password\" name=\"password\"/><button>Continue</button></form></body></html>";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(AuthorizePath, () => Results.Content(LoginPage, "text/html"));

    // Runs after the faults (a gateway is in front of everything) and before authentication.
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var state = context.RequestServices.GetRequiredService<EmulatorState>();
        if (!state.Variations.Mas)
        {
            return await next(invocation);
        }
        var path = context.Request.Path.Value ?? "";
        var oslc = path.StartsWith("/maximo/oslc", StringComparison.OrdinalIgnoreCase);
        var login = path.EndsWith("/login", StringComparison.OrdinalIgnoreCase);
        var session = context.Request.Cookies.TryGetValue(SessionStore.CookieName, out var id) && state.Sessions.UserOf(id!) is not null;
        if (login || oslc && !session)
        {
            var request = context.Request;
            var back = Uri.EscapeDataString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location =
                $"{request.Scheme}://{request.Host}{AuthorizePath}?response_type=code&scope=openid&client_id=manage&redirect_uri={back}";
            return Results.Empty;
        }
        return await next(invocation);
    }
}
