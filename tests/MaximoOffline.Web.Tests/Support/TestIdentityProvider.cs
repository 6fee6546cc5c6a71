using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on Kestrel at a free 127.0.0.1 port, for the
/// tests of the app's OIDC sign-in. One confidential client; the authorization code flow with PKCE;
/// no login form: the authorization endpoint signs in the person set by <see cref="SignInNext"/> and
/// redirects back at once. Applications, authorizations and tokens live in an in-memory EF Core store.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    // The paths the discovery document advertises; clients read them from there.
    private const string AuthorizationPath = "connect/authorize";
    private const string TokenPath = "connect/token";
    private const string EndSessionPath = "connect/endsession";

    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    private readonly string _clientId;
    private readonly WebApplication _app;
    // Updates of the client's registration are read-modify-write: one at a time.
    private readonly SemaphoreSlim _registration = new(1, 1);
    private volatile Person? _next;
    private int _authorizations;

    private TestIdentityProvider(string clientId)
    {
        _clientId = clientId;
        _app = Build();
    }

    /// <summary>The issuer and authority, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How many flows got as far as tokens: authorization answered, then its code redeemed.</summary>
    public int Authorizations => Volatile.Read(ref _authorizations);

    public static async Task<TestIdentityProvider> StartAsync(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);

        var provider = new TestIdentityProvider(clientId);
        try
        {
            await provider._app.StartAsync();
            provider.BaseUrl = BoundAddress(provider._app.Services.GetRequiredService<IServer>());
            await provider.RegisterClientAsync(clientSecret);
            return provider;
        }
        catch
        {
            await provider._app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Registers a redirect URI (and optionally a post-logout one) for the client. The app under test
    /// gets its port only when it starts, so this comes after <see cref="StartAsync"/>.
    /// </summary>
    public async Task AllowRedirectAsync(Uri redirectUri, Uri? postLogoutRedirectUri = null)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);

        await _registration.WaitAsync();
        try
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var client = await applications.FindByClientIdAsync(_clientId)
                ?? throw new InvalidOperationException($"Client '{_clientId}' is not registered.");

            // The descriptor carries the stored secret hash back unchanged, so only the URIs change.
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, client);
            descriptor.RedirectUris.Add(redirectUri);
            if (postLogoutRedirectUri is not null)
            {
                descriptor.PostLogoutRedirectUris.Add(postLogoutRedirectUri);
            }

            await applications.UpdateAsync(client, descriptor);
        }
        finally
        {
            _registration.Release();
        }
    }

    /// <summary>
    /// The person every authorization request signs in from now on, until the next call. Their id_token
    /// carries sub, name and preferred_username = <paramref name="name"/>, and <paramref name="roleClaimType"/>
    /// with the role values (a JSON array when several, a string when one, absent when none).
    /// </summary>
    public void SignInNext(string name, string roleClaimType, params string[] roleValues)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(roleClaimType);
        ArgumentNullException.ThrowIfNull(roleValues);

        _next = new Person(name, roleClaimType, [.. roleValues]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _registration.Dispose();
    }

    private WebApplication Build()
    {
        // The empty builder reads no appsettings or environment variables, so nothing meant for the app
        // under test reaches the provider, and it logs nothing: OpenIddict explains refusals in its responses.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();

        var database = Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<StoreContext>(options => options
            .UseInMemoryDatabase(database)
            // The in-memory provider has no transactions; OpenIddict's stores open some, harmlessly here.
            .ConfigureWarnings(w => w.Ignore(InMemoryEventId.TransactionIgnoredWarning))
            .UseOpenIddict());

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore()
                .UseDbContext<StoreContext>()
                // ExecuteUpdate/ExecuteDelete are relational-only; revocation and pruning then go row by row.
                .DisableBulkOperations())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationPath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetEndSessionEndpointUris(EndSessionPath);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                // Keys made at start and never persisted: tokens are only good for this instance.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // Plain signed JWTs, so a test can read an access token as well as the id_token.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            });

        // The issuer is the address Kestrel actually bound. Options are built on the first request,
        // after the server started, so the port is known by then.
        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IServer>((options, server) => options.Issuer = BoundAddress(server));

        var app = builder.Build();
        app.UseAuthentication();
        // OpenIddict answers discovery and JWKS itself; these three run once it has validated the request.
        app.MapMethods("/" + AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapPost("/" + TokenPath, IssueTokensAsync);
        app.MapMethods("/" + EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSessionAsync);
        return app;
    }

    private async Task RegisterClientAsync(string clientSecret)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = _clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            // Consent is the provider's business; a test has no one to click "allow".
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    // OpenIddict has validated the request (client, redirect URI, PKCE, scopes) before this runs.
    private async Task AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("Not an OpenID Connect authorization request.");

        if (_next is not { } person)
        {
            // Redirected back to the client as error=access_denied, as a provider does when a user cancels.
            await context.ForbidAsync(Scheme, new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "No user is set to sign in (TestIdentityProvider.SignInNext).",
            }));
            return;
        }

        var identity = new ClaimsIdentity(nameof(TestIdentityProvider), Claims.Name, person.RoleClaimType);
        identity.SetClaim(Claims.Subject, person.Name)
            .SetClaim(Claims.Name, person.Name)
            .SetClaim(Claims.PreferredUsername, person.Name)
            .SetClaims(person.RoleClaimType, person.Roles);
        identity.SetScopes(request.GetScopes());
        // OpenIddict puts a claim in a token only if told to; these all go in both.
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);

        // The code OpenIddict issues carries this principal (and its destinations) to the token endpoint.
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    // OpenIddict has authenticated the client and checked the code and its PKCE verifier before this runs.
    private async Task IssueTokensAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("Not an OpenID Connect token request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            throw new InvalidOperationException($"Grant type '{request.GrantType}' is not enabled.");
        }

        var code = await context.AuthenticateAsync(Scheme);
        if (code.Principal is null)
        {
            await context.ForbidAsync(Scheme, new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
            }));
            return;
        }

        // Counted before the response goes out, so a client that has its tokens sees the count.
        Interlocked.Increment(ref _authorizations);
        await context.SignInAsync(Scheme, code.Principal);
    }

    // No session is kept here, so signing out only sends the browser back to the validated
    // post_logout_redirect_uri (or to this site's root when the client gave none).
    private static Task EndSessionAsync(HttpContext context) =>
        context.SignOutAsync(Scheme, new AuthenticationProperties { RedirectUri = "/" });

    // The root URL Kestrel listens on, e.g. http://127.0.0.1:41234/.
    private static Uri BoundAddress(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var url = address is null ? null : new Uri(address);
        return url is { Port: > 0 }
            ? new Uri(url, "/")
            : throw new InvalidOperationException("Kestrel has not bound its port yet.");
    }

    private sealed record Person(string Name, string RoleClaimType, ImmutableArray<string> Roles);

    // OpenIddict's entity sets are added to the model by UseOpenIddict().
    private sealed class StoreContext(DbContextOptions<StoreContext> options) : DbContext(options);
}
