using System.Security.Claims;

namespace MaximoOffline.Web.Security;

/// <summary>
/// What a script is told when it is not let in: a problem (RFC 7807) written by the app's one
/// problem details service, as the rest of the API answers.
/// </summary>
internal static class AuthProblems
{
    public static string NeedsHigherRole(ClaimsPrincipal user) =>
        $"{Who.Of(user)} may not do this: it needs a higher role. An admin can change roles (maximo-offline users role NAME ROLE).";

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
