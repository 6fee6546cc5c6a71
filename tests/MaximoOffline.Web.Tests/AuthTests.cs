using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Data.Accounts;
using MaximoOffline.Web.Api;
using MaximoOffline.Web.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// <c>Auth:Mode=Local</c>: every route needs the role it declares, for people signed in with a session
/// cookie and for scripts with API tokens; lock-out; the audit of who started and cancelled runs.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class AuthTests(LocalAuthFixture app) : IClassFixture<LocalAuthFixture>
{
    private const string Anyone = "";

    /// <summary>
    /// Every route of the app (by its pattern), a request that reaches it, and the least role it needs
    /// (<see cref="Anyone"/>: no sign-in). The emulated Maximo's routes (<c>maximo/…</c>, <c>emulator/…</c>,
    /// its MAS login under <c>oidc/…</c>) check its own API key and are left out.
    /// </summary>
    private static readonly (string Pattern, string Method, string Url, string Role)[] Routes =
    [
        ("/api/endpoints", "GET", "api/endpoints", Roles.Viewer),
        ("/api/sync/{slug}", "POST", "api/sync/no-such-endpoint", Roles.Operator),
        ("/api/runs", "GET", "api/runs", Roles.Viewer),
        ("/api/runs/{id:long}", "GET", "api/runs/999999", Roles.Viewer),
        ("/api/runs/{id:long}/log", "GET", "api/runs/999999/log", Roles.Viewer),
        ("/api/runs/{id:long}/cancel", "POST", "api/runs/999999/cancel", Roles.Operator),
        ("/api/tables", "GET", "api/tables", Roles.Viewer),
        ("/api/search", "GET", "api/search?q=pump", Roles.Viewer),
        ("/api/data/{kind}.csv", "GET", "api/data/assets.csv", Roles.Viewer),
        ("/api/data/{kind}", "GET", "api/data/assets", Roles.Viewer),
        ("/api/data/{kind}/{id:long}", "GET", "api/data/assets/1", Roles.Viewer),
        ("/api/doctor", "GET", "api/doctor", Roles.Admin),
        ("/swagger/{documentName}/swagger.{extension}", "GET", "swagger/v1/swagger.json", Roles.Viewer),
        ("/hubs/sync", "GET", "hubs/sync", Roles.Viewer),
        ("/hubs/sync/negotiate", "POST", "hubs/sync/negotiate?negotiateVersion=1", Roles.Viewer),
        ("/hangfire/{**path}", "GET", "hangfire", Roles.Admin),
        ("sync", "GET", "sync", Roles.Viewer),
        ("data", "GET", "data?q=pump", Roles.Viewer),
        ("data/{kind}", "GET", "data/workorders", Roles.Viewer),
        ("data/{kind}/{id}", "GET", "data/assets/1", Roles.Viewer),
        ("logout", "GET", "logout", Anyone),
        ("login", "GET", "login", Anyone),
        ("denied", "GET", "denied", Anyone),
        ("/healthz", "GET", "healthz", Anyone),
        ("/", "GET", "", Anyone),
    ];

    /// <summary>What the table above cannot list by pattern: the dashboard's form handlers, and Swagger's page (served by middleware).</summary>
    private static readonly (string Method, string Url, string Role)[] Extras =
    [
        ("POST", "sync?handler=Sync", Roles.Operator),
        ("POST", "sync?handler=Cancel", Roles.Operator),
        ("GET", "swagger/index.html", Roles.Viewer),
    ];

    [Fact]
    public void EveryRouteDeclaresAPolicyAndTheTableBelowCoversEachOne()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsEmulated(e.RoutePattern.RawText!)).ToList();
        Assert.NotEmpty(endpoints);

        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(undeclared.Count == 0, "routes without a policy: " + string.Join(", ", undeclared));

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText!).ToHashSet();
        Assert.Equal(Routes.Where(r => r.Role == Anyone).Select(r => r.Pattern).ToHashSet(), anonymous);

        var untested = endpoints.Select(e => e.RoutePattern.RawText!).Distinct().Except(Routes.Select(r => r.Pattern)).ToList();
        Assert.True(untested.Count == 0, "routes the role table below does not try: " + string.Join(", ", untested));
    }

    [Fact]
    public async Task EachRoleReachesExactlyTheRoutesItsRoleAllows()
    {
        var failures = new List<string>();
        using var anonymous = app.Anonymous();
        await TryAllAsync(anonymous, role: null, failures);
        foreach (var (user, role) in LocalAuthFixture.Users)
        {
            var (client, _) = await app.SignInAsync(user);
            using (client)
            {
                await TryAllAsync(client, role, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task TryAllAsync(HttpClient client, string? role, List<string> failures)
    {
        // The forms' anti-forgery token, from a page this client may see (the sign-in page for anyone).
        var token = AntiforgeryToken().Match(await client.GetStringAsync(role is null ? "login" : "sync")).Groups[1].Value;
        foreach (var (method, url, needed) in Routes.Select(r => (r.Method, r.Url, r.Role)).Concat(Extras))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (url.Contains("handler=", StringComparison.Ordinal))
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["slug"] = "no-such-endpoint", ["runId"] = "999999", ["__RequestVerificationToken"] = token,
                });
            }

            using var response = await client.SendAsync(request);
            var allowed = needed == Anyone || (role is not null && Roles.AtLeast(needed).Contains(role));
            // Scripts' routes answer 401 or 403 with a problem; pages send people to sign in or to the page that explains.
            var forScripts = url.StartsWith("api/", StringComparison.Ordinal) || url.StartsWith("hubs/", StringComparison.Ordinal)
                             || url.StartsWith("swagger/v1", StringComparison.Ordinal);
            var refused = forScripts
                ? response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                  && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
                  && (to.Contains("/login", StringComparison.Ordinal) || to.Contains("/denied", StringComparison.Ordinal));
            // The page that explains a refusal answers 403 itself; what matters is that it is shown.
            if (url == "denied")
            {
                refused = response.StatusCode != HttpStatusCode.Forbidden;
            }

            if (allowed == refused)
            {
                failures.Add($"{role ?? "anonymous"} {method} /{url}: {(int)response.StatusCode} {response.Headers.Location} (needs {(needed == Anyone ? "nothing" : needed)})");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    private static bool IsEmulated(string pattern) =>
        pattern.StartsWith("/maximo", StringComparison.Ordinal) || pattern.StartsWith("/emulator", StringComparison.Ordinal)
        || pattern.StartsWith("/oidc/", StringComparison.Ordinal);

    [Fact]
    public async Task AViewerWatchesRunsOnTheHubButCannotStartOrCancelOne()
    {
        var (viewer, cookies) = await app.SignInAsync("viola");
        using (viewer)
        {
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(app.BaseUrl, "hubs/sync"), o => o.Cookies = cookies)
                .Build();
            await hub.StartAsync();

            using var start = await app.Http.PostAsJsonAsync("api/sync/domain", new { full = true });
            var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
            await app.WaitForEndAsync(runId);
            var watched = await hub.InvokeAsync<WatchResult>("watch", runId, 0L);
            Assert.Equal("Succeeded", watched.Run.Status);
            Assert.NotEmpty(watched.Lines);

            using var refusedStart = await viewer.PostAsync("api/sync/domain", null);
            using var refusedCancel = await viewer.PostAsync($"api/runs/{runId}/cancel", null);
            Assert.Equal(HttpStatusCode.Forbidden, refusedStart.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, refusedCancel.StatusCode);
            Assert.Contains("needs a higher role", await refusedStart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Without a session the hub does not even negotiate.
        await using var stranger = new HubConnectionBuilder().WithUrl(new Uri(app.BaseUrl, "hubs/sync"), HttpTransportType.LongPolling).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => stranger.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AnApiTokenActsAsItsUserUntilItIsRevokedOrExpires()
    {
        var (viewerToken, viewerSecret) = await app.CreateTokenAsync("viola", TimeSpan.FromDays(30));
        var (_, operatorSecret) = await app.CreateTokenAsync("otto", TimeSpan.FromDays(30));
        var (expiring, expiringSecret) = await app.CreateTokenAsync("otto", TimeSpan.FromDays(1));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(viewerSecret, HttpMethod.Get, "api/endpoints"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewerSecret, HttpMethod.Post, "api/sync/no-such-endpoint"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(operatorSecret, HttpMethod.Post, "api/sync/no-such-endpoint"));

        Assert.True(await app.Services.GetRequiredService<ApiTokens>().RevokeAsync(viewerToken.Id));
        var (revokedStatus, revokedBody) = await AnswerAsync(viewerSecret, "api/endpoints");
        Assert.Equal(HttpStatusCode.Unauthorized, revokedStatus);
        Assert.Contains("revoked", revokedBody, StringComparison.Ordinal);

        // A day later (the expiry moved back rather than the clock forward).
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE api_token SET expires_at = '2000-01-01 00:00:00' WHERE id = {expiring.Id}";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var (expiredStatus, expiredBody) = await AnswerAsync(expiringSecret, "api/endpoints");
        Assert.Equal(HttpStatusCode.Unauthorized, expiredStatus);
        Assert.Contains("expired", expiredBody, StringComparison.Ordinal);

        var (unknownStatus, unknownBody) = await AnswerAsync(ApiTokens.Marker + "not-a-real-token", "api/endpoints");
        Assert.Equal(HttpStatusCode.Unauthorized, unknownStatus);
        Assert.Contains("unknown token", unknownBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(operatorSecret, HttpMethod.Get, "api/endpoints"));
    }

    [Fact]
    public async Task RepeatedFailedSignInsLockTheAccountOutAndTheLogNeverHoldsThePassword()
    {
        await app.AddUserAsync("lockme", Roles.Viewer, LocalAuthFixture.Password);
        var (_, lockmeToken) = await app.CreateTokenAsync("lockme", TimeSpan.FromDays(1));
        await app.AddUserAsync("script", Roles.Viewer, password: null);
        const string wrong = "wrong-password-7d3f9a";
        using var client = app.Anonymous();
        for (var attempt = 1; attempt <= LocalAuthFixture.MaxFailedSignIns; attempt++)
        {
            using var failed = await LocalAuthFixture.PostSignInAsync(client, "lockme", wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        // Now even the right password is refused, and the page says why and what to do.
        using var locked = await LocalAuthFixture.PostSignInAsync(client, "lockme", LocalAuthFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var page = await locked.Content.ReadAsStringAsync();
        Assert.Contains("locked", page, StringComparison.Ordinal);
        Assert.Contains("users unlock lockme", page, StringComparison.Ordinal);

        // Anyone can fail sign-ins on purpose: that must not stop the account's scripts.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(lockmeToken, HttpMethod.Get, "api/endpoints"));
        // An account without a password cannot sign in, and failing for it locks nothing.
        for (var attempt = 0; attempt <= LocalAuthFixture.MaxFailedSignIns; attempt++)
        {
            using var failed = await LocalAuthFixture.PostSignInAsync(client, "script", wrong);
            Assert.DoesNotContain("locked", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var log = await app.ReadLogAsync();
        Assert.Contains("Failed sign-in for lockme", log, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, log, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalAuthFixture.Password, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunRecordsWhoStartedItAndWhoCancelledIt()
    {
        var gate = await app.HoldPagesAsync("/os/mxapilocations");
        var (operatorClient, _) = await app.SignInAsync("otto");
        var (adminClient, _) = await app.SignInAsync("ada");
        using (operatorClient)
        using (adminClient)
        {
            using var start = await operatorClient.PostAsJsonAsync("api/sync/locations", new { full = true });
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
            await gate.ReachedAsync();
            using var cancel = await adminClient.PostAsync($"api/runs/{runId}/cancel", null);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            await gate.OpenAsync();
            var run = await app.WaitForEndAsync(runId);

            Assert.Equal("Cancelled", run.GetProperty("status").GetString());
            Assert.Equal("otto", run.GetProperty("requestedBy").GetString());
            Assert.Equal("ada", run.GetProperty("cancelledBy").GetString());
            using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT requested_by || '/' || cancelled_by FROM sync_run WHERE id = {runId}";
            Assert.Equal("otto/ada", command.ExecuteScalar());
        }

        await app.ClearFaultsAsync();
    }

    [Fact]
    public async Task APageShowsEachRoleOnlyWhatItMayDo()
    {
        var (viewer, _) = await app.SignInAsync("viola");
        var (operatorClient, _) = await app.SignInAsync("otto");
        using (viewer)
        using (operatorClient)
        {
            var viewerPage = await viewer.GetStringAsync("sync");
            var operatorPage = await operatorClient.GetStringAsync("sync");

            Assert.Contains("viola · Viewer", viewerPage, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"sync-all\"", viewerPage, StringComparison.Ordinal);
            Assert.DoesNotContain("sync-button", viewerPage, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/hangfire\"", viewerPage, StringComparison.Ordinal);
            Assert.Contains("id=\"sync-all\"", operatorPage, StringComparison.Ordinal);
            Assert.DoesNotContain("check-connection", operatorPage, StringComparison.Ordinal);
        }
    }

    private async Task<HttpStatusCode> StatusAsync(string token, HttpMethod method, string url)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<(HttpStatusCode Status, string Body)> AnswerAsync(string token, string url)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
