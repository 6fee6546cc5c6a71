using System.Security.Claims;
using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MaximoOffline.Web.Security;

/// <summary>
/// Who may do what (see docs/SECURITY.md). <c>Auth:Mode=None</c>: one local user, an Admin, and the
/// app stays on localhost. <c>Local</c> and <c>Oidc</c>: every page, API route, the hub, Swagger and
/// the job dashboard need a signed-in user (a session cookie, or an API token for scripts), and each
/// route declares the role it needs.
/// </summary>
internal static class AuthSetup
{
    /// <summary>Picks, per request, the session cookie or the API token.</summary>
    private const string CookieOrToken = "CookieOrToken";

    public const string SessionScheme = "Identity.Application"; // IdentityConstants.ApplicationScheme: what SignInManager signs into
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static AuthOptions Read(IConfiguration configuration) =>
        configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

    /// <summary>
    /// Why the app must not start as configured, each with what to do: unusable <c>Auth</c> settings, or
    /// listening beyond localhost while nobody has to sign in.
    /// </summary>
    public static IReadOnlyList<string> StartupProblems(IConfiguration configuration)
    {
        AuthOptions auth;
        try
        {
            auth = Read(configuration);
        }
        catch (InvalidOperationException e)
        {
            return [$"The Auth settings cannot be read: {e.Message}"];
        }

        var problems = auth.Problems().ToList();
        if (problems.Count == 0 && auth.ParsedMode == AuthMode.None && !auth.AllowAnonymousRemote && ListenAddresses.Remote(configuration) is { Count: > 0 } remote)
        {
            problems.Add(RemoteRefusal(remote));
        }

        return problems;
    }

    public static string RemoteRefusal(IEnumerable<string> addresses) =>
        $"Refusing to listen on {string.Join(", ", addresses)}, beyond this machine, with Auth:Mode=None: anyone who can reach it " +
        "could read the replica (people, work orders, inventory) and start syncs against Maximo. Turn sign-in on with Auth:Mode=Local " +
        "(then add people with 'maximo-offline users add NAME --role Admin') or Auth:Mode=Oidc (your identity provider, Auth:Oidc:…). " +
        "On a network you trust, Auth:AllowAnonymousRemote=true lets everyone in as an Admin.";

    /// <summary>The sign-in attempts one address may make a minute (besides the lock-out of each account).</summary>
    public const int SignInsPerMinute = 30;

    public const string SignInLimit = "sign-in";

    /// <param name="services">The app's services.</param>
    /// <param name="auth">The <c>Auth</c> settings, already checked by <see cref="StartupProblems"/>.</param>
    /// <param name="keysFolder">
    /// Where the keys that protect session cookies and anti-forgery tokens are kept (beside the replica):
    /// sign-ins survive a restart or a new container on the same volume.
    /// </param>
    public static IServiceCollection AddMaximoOfflineAuth(this IServiceCollection services, AuthOptions auth, string keysFolder)
    {
        services.AddSingleton(auth);
        services.AddDataProtection().SetApplicationName("MaximoOffline").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter(""));
        });
        var mode = auth.ParsedMode;
        var identity = services.AddAccounts(auth.MaxFailedSignIns, TimeSpan.FromMinutes(auth.LockoutMinutes));
        services.AddAuthorization(Policies.Add);

        if (mode == AuthMode.None)
        {
            services.AddAuthentication(LocalUserHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, LocalUserHandler>(LocalUserHandler.SchemeName, null);
            return services;
        }

        var authentication = services.AddAuthentication(CookieOrToken)
            .AddPolicyScheme(CookieOrToken, "Session cookie or API token", o =>
                o.ForwardDefaultSelector = context => ApiTokenHandler.IsPresent(context.Request) ? ApiTokenHandler.SchemeName : SessionScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(SessionScheme, o => ConfigureSession(o, auth, mode));

        if (mode == AuthMode.Local)
        {
            identity.AddSignInManager().AddClaimsPrincipalFactory<AccountClaimsFactory>();
            // A role changed or an account removed with the command line reaches signed-in sessions within a minute.
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        }
        else
        {
            authentication.AddOpenIdConnect(OidcScheme, o => ConfigureOidc(o, auth.Oidc));
        }

        return services;
    }

    private static void ConfigureSession(CookieAuthenticationOptions o, AuthOptions auth, AuthMode mode)
    {
        o.Cookie.Name = "MaximoOffline.Session";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the app is reached over TLS
        o.ExpireTimeSpan = TimeSpan.FromHours(auth.SessionHours);
        // A local account's session slides (its security stamp is checked every minute); a provider's
        // sign-in is not re-checked, so it ends after Auth:SessionHours and the provider is asked again.
        o.SlidingExpiration = mode == AuthMode.Local;
        o.LoginPath = "/login";
        o.LogoutPath = "/logout";
        o.AccessDeniedPath = "/denied";
        // Scripts and the page's own requests get a status they can act on, not a sign-in page.
        o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized,
            "Sign in first: open the app in a browser, or send a personal API token as 'Authorization: Bearer …' (maximo-offline tokens create --user NAME).");
        o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden,
            AuthProblems.NeedsHigherRole(context.HttpContext.User));
        if (mode == AuthMode.Local)
        {
            o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
        }
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        if (!IsForScripts(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return AuthProblems.WriteAsync(context.HttpContext, status, status == 401 ? "Not signed in" : "Not allowed", detail);
    }

    /// <summary>Requests a person does not read as a page: the REST API, the hub, the API description.</summary>
    private static bool IsForScripts(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/swagger/v1");

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcSettings oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.SignInScheme = SessionScheme;
        o.MapInboundClaims = false; // claims keep the provider's names, so Auth:Oidc:RoleClaim means what the token says
        o.Scope.Clear();
        foreach (var scope in oidc.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            o.Scope.Add(scope);
        }

        if (!oidc.RequireHttpsMetadata)
        {
            // A lab on plain HTTP: the handler's correlation and nonce cookies are Secure and SameSite=None
            // by default, which nothing sends back over http. On the same host they work as Lax cookies.
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
        }

        o.TokenValidationParameters.NameClaimType = oidc.NameClaim;
        o.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
        o.Events.OnTokenValidated = context =>
        {
            var identity = (ClaimsIdentity)context.Principal!.Identity!;
            var values = identity.FindAll(oidc.RoleClaim).Select(c => c.Value).ToList();
            var role = oidc.RoleFor(values);
            var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSetup));
            if (role is null)
            {
                log.LogWarning("{User} signed in through the identity provider with no MaximoOffline role ({Claim}: {Values})",
                    Who.Of(context.Principal), oidc.RoleClaim, string.Join(", ", values));
            }
            else
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
                log.LogInformation("{User} signed in through the identity provider as {Role}", Who.Of(context.Principal), role);
            }

            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSetup))
                .LogWarning("Sign-in through the identity provider failed: {Reason}", context.Failure?.Message);
            context.Response.Redirect("/login?failed=" + Uri.EscapeDataString(context.Failure?.Message ?? "the identity provider refused the sign-in"));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
