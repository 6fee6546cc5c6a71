using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The web app with <c>Auth:Mode=Oidc</c> against a real OpenID Connect provider (OpenIddict, started
/// by the fixture on 127.0.0.1): the code flow with PKCE in Chromium, the role mapped from the
/// provider's <c>groups</c> claim, and a person whose groups give no role let in to nothing.
/// </summary>
public sealed class OidcFixture : WebAppFixture
{
    public const string ClientId = "maximo-offline";
    private const string ClientSecret = "test-client-secret";

    public TestIdentityProvider Provider { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Mode", "Oidc");
        builder.UseSetting("Auth:Oidc:Authority", Provider.BaseUrl.ToString());
        builder.UseSetting("Auth:Oidc:ClientId", ClientId);
        builder.UseSetting("Auth:Oidc:ClientSecret", ClientSecret);
        builder.UseSetting("Auth:Oidc:RoleClaim", "groups");
        builder.UseSetting("Auth:Oidc:NameClaim", "preferred_username");
        builder.UseSetting("Auth:Oidc:OperatorValues", "maximo-operators, planners");
        builder.UseSetting("Auth:Oidc:AdminValues", "maximo-admins");
        builder.UseSetting("Auth:Oidc:RequireHttpsMetadata", "false"); // the test provider has no TLS
    }

    public override async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync(ClientId, ClientSecret);
        await base.InitializeAsync();
        await Provider.AllowRedirectAsync(new Uri(BaseUrl, "signin-oidc"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

[Collection(WebCollection.Name)]
public sealed class OidcSignInTests(OidcFixture app) : IClassFixture<OidcFixture>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task APersonSignsInThroughTheIdentityProviderWithTheRoleTheirGroupGives()
    {
        app.Provider.SignInNext("pat.planner", "groups", "staff", "planners");
        var before = app.Provider.Authorizations;
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseUrl, "sync").ToString());

        // The dashboard (with the run it shows once a run exists: another test may have started one).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(new Uri(app.BaseUrl, "sync").ToString())}(\\?run=\\d+)?$"));
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("pat.planner · Operator");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync all" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jobs" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        Assert.Equal(before + 1, app.Provider.Authorizations);

        // The session works for the page's own API calls too, within the role.
        var endpoints = await page.APIRequest.GetAsync(new Uri(app.BaseUrl, "api/endpoints").ToString());
        Assert.Equal(200, endpoints.Status);
        var doctor = await page.APIRequest.GetAsync(new Uri(app.BaseUrl, "api/doctor").ToString());
        Assert.Equal(403, doctor.Status);
    }

    [Fact]
    public async Task APersonWhoseGroupsGiveNoRoleIsLetInToNothing()
    {
        // Generic groups, and the roles' own names in another case, give nothing: only the configured values do.
        app.Provider.SignInNext("sam.stranger", "groups", "staff", "admin", "viewer");
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseUrl, "data").ToString());

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/denied"));
        await Assertions.Expect(page.Locator("#denied-message")).ToContainTextAsync("sam.stranger");
        await Assertions.Expect(page.Locator("#denied-message")).ToContainTextAsync("no MaximoOffline role");
        var api = await page.APIRequest.GetAsync(new Uri(app.BaseUrl, "api/endpoints").ToString());
        Assert.Equal(403, api.Status);
    }

    [Fact]
    public async Task AScriptWithoutASessionIsToldToSignInRatherThanSentToTheProvider()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseUrl };

        using var api = await client.GetAsync("api/endpoints");
        using var page = await client.GetAsync("sync");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
