using System.Security.Claims;
using System.Text.Encodings.Web;
using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MaximoOffline.Web.Security;

/// <summary>
/// Personal API tokens sent as <c>Authorization: Bearer mxo_…</c>: the request acts as the token's
/// account, with its role. A refused token gets a 401 that says why (revoked, expired, unknown).
/// </summary>
internal sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public const string AuthenticationMethod = "token";

    /// <summary>A MaximoOffline token is presented (another bearer token, a proxy's, is left to the session cookie).</summary>
    public static bool IsPresent(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer " + ApiTokens.Marker, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsPresent(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var check = await tokens.CheckAsync(presented, Context.RequestAborted);
        if (check.Account is not { } account)
        {
            Logger.LogWarning("API token refused from {Address}: {Reason}", Context.Connection.RemoteIpAddress, check.Refusal);
            return AuthenticateResult.Fail(check.Refusal!);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id),
            new Claim(ClaimTypes.Name, account.UserName ?? account.Id),
            new Claim(ClaimTypes.Role, account.Role),
            new Claim(ClaimTypes.AuthenticationMethod, AuthenticationMethod),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", AuthProblems.NeedsHigherRole(Context.User));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var why = result.Failure?.Message ?? "no API token";
        Response.Headers[HeaderNames.WWWAuthenticate] = $"Bearer error=\"invalid_token\", error_description=\"{why}\"";
        await AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API token refused",
            $"The API token was refused: {why}. Create a new one with 'maximo-offline tokens create --user NAME'.");
    }
}
