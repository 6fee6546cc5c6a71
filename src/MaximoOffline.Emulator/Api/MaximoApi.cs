using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MaximoOffline.Emulator.Api;

// The Maximo REST API on both roots. Faults run first (a gateway sits in front of Maximo), then
// MAS's redirects to its OIDC login (--mas), then authentication, except for login.
internal static class MaximoApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var root in (string[])["oslc", "api"])
        {
            var group = endpoints.MapGroup($"/maximo/{root}").AddEndpointFilter(FaultFilter.InvokeAsync).AddEndpointFilter(MasLogin.InvokeAsync);
            group.MapMethods("login", ["GET", "POST"], (HttpContext c, EmulatorState s) => AccountApi.LoginAsync(c, s));
            Secure(group.MapGet("whoami", (HttpContext c, EmulatorState s) => AccountApi.WhoAmIAsync(c, s)));
            Secure(group.MapPost("apitoken/create", (HttpContext c, EmulatorState s) => AccountApi.CreateTokenAsync(c, s)));
            Secure(group.MapPost("apitoken/revoke", (HttpContext c, EmulatorState s) => AccountApi.RevokeTokenAsync(c, s)));
            Secure(group.MapGet("jsonschemas/{os}", (HttpContext c, EmulatorState s, string os) => JsonSchemaApi.GetAsync(c, s, os)));
            Secure(group.MapGet("os/{os}", (HttpContext c, EmulatorState s, string os) => ObjectStructureApi.CollectionAsync(c, s, root, os)));
            Secure(group.MapGet("os/{os}/{restid}", (HttpContext c, EmulatorState s, string os, string restid) => ObjectStructureApi.MemberAsync(c, s, root, os, restid)));
            Secure(group.MapPost("os/{os}", (HttpContext c, EmulatorState s, string os) =>
                string.Equals(os, ObjectStructures.ApiKey.Name, StringComparison.OrdinalIgnoreCase)
                    ? AccountApi.CreateForUserAsync(c, s, root)
                    : Json.ErrorBody.WriteAsync(c, 403, "BMXAA9301E", $"BMXAA9301E - The user does not have access to create records through the object structure {os.ToUpperInvariant()}.")));
            group.Map("{**rest}", (HttpContext c) => ObjectStructureApi.NotFoundAsync(c, $"BMXAA8727E - The resource {c.Request.Path} was not found."));
        }
        MasLogin.Map(endpoints);
    }

    private static void Secure(RouteHandlerBuilder route) => route.AddEndpointFilter(AuthFilter.InvokeAsync);
}
