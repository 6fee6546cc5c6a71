using System.Security.Claims;
using System.Text.Encodings.Web;
using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Web.Security;

/// <summary>
/// <c>Auth:Mode=None</c>: the one person at this machine, an Admin, with no sign-in. The app listens
/// only on localhost in this mode (unless <c>Auth:AllowAnonymousRemote</c>), so that person is whoever
/// can use the machine.
/// </summary>
internal sealed class LocalUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalUser";

    public const string Name = "local user";

    private static readonly ClaimsPrincipal User = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name), new Claim(ClaimTypes.Role, Roles.Admin)], SchemeName));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(User, SchemeName)));
}
