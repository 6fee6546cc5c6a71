using System.Security.Claims;
using System.Text.Encodings.Web;
using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Web.Security;

/// <summary>
/// <c>Auth:Mode=None</c>: the one person at this machine, an Admin, with no sign-in. A request is that
/// person's only when it comes from this machine and names it (<c>localhost</c>, a loopback address):
/// a web page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) is refused.
/// With <c>Auth:AllowAnonymousRemote</c> everyone is let in, as that setting says.
/// </summary>
internal sealed class LocalUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthOptions auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalUser";

    public const string Name = "local user";

    private static readonly ClaimsPrincipal User = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name), new Claim(ClaimTypes.Role, Roles.Admin)], SchemeName));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(auth.AllowAnonymousRemote || IsThisMachine(Context)
            ? AuthenticateResult.Success(new AuthenticationTicket(User, SchemeName))
            : AuthenticateResult.Fail("Without sign-in (Auth:Mode=None) only this machine, by the name localhost or a loopback address, may use the app."));

    public static bool IsThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
        && !ListenAddresses.IsRemote("http://" + context.Request.Host.Value);
}
