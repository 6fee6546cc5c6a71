using System.Net;
using System.Text.RegularExpressions;
using MaximoOffline.Sync.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Web.Tests;

[Collection(WebCollection.Name)]
public sealed partial class SecurityTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task TheJobsDashboardAnswersOnLoopback()
    {
        using var response = await app.Http.GetAsync("hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("MaximoOffline jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hangfire")]
    [InlineData("sync")]
    [InlineData("api/data/people")]
    public async Task WithoutSignInARequestFromAnotherMachineIsRefused(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(RemoteAddressFilter.Header, "203.0.113.7");

        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutSignInAPageOfAnotherSiteThatPointsItsNameAtThisMachineIsRefused()
    {
        // DNS rebinding: the browser sends the other site's name, from this machine.
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/data/people");
        request.Headers.Host = "attacker.example";
        using var start = new HttpRequestMessage(HttpMethod.Post, "api/sync/all");
        start.Headers.Host = "attacker.example";
        start.Headers.Add("Origin", "http://attacker.example");

        using var read = await app.Http.SendAsync(request);
        using var started = await app.Http.SendAsync(start);
        using var local = await app.Http.GetAsync("api/endpoints");

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task TheBuiltInMaximoAnswersThisMachineOnly()
    {
        var key = app.Services.GetRequiredService<IMaximoLocator>().ApiKey!;
        using var remote = new HttpRequestMessage(HttpMethod.Get, "maximo/api/os/mxapiasset?lean=1&count=1");
        remote.Headers.Add(RemoteAddressFilter.Header, "203.0.113.7");
        remote.Headers.Add("apikey", key);
        using var local = new HttpRequestMessage(HttpMethod.Get, "maximo/api/os/mxapiasset?lean=1&count=1");
        local.Headers.Add("apikey", key);

        using var refused = await app.Http.SendAsync(remote);
        using var served = await app.Http.SendAsync(local);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ThePageOfAnotherOriginCannotOpenTheLiveHub()
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "hubs/sync/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://evil.example");
        using var socket = new HttpRequestMessage(HttpMethod.Get, "hubs/sync");
        socket.Headers.Add("Origin", "https://evil.example");

        using var refusedNegotiate = await app.Http.SendAsync(negotiate);
        using var refusedSocket = await app.Http.SendAsync(socket);
        using var served = await app.Http.PostAsync("hubs/sync/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Forbidden, refusedNegotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedSocket.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task PagesSendAStrictContentSecurityPolicyAndNoSniffing()
    {
        using var response = await app.Http.GetAsync("sync");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ThePageLoadsNothingFromAnotherHost()
    {
        foreach (var page in new[] { "sync", "data", "data?q=pump", "data/workorders" })
        {
            var html = await app.Http.GetStringAsync(page);

            var sources = SourceAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(sources);
            // Paths on this host, or a fragment of the page itself (the Skip to content link).
            Assert.All(sources, source => Assert.True(source.StartsWith('/') || source.StartsWith('#'), $"{page}: {source}"));
            Assert.All(sources, source => Assert.DoesNotContain("//", source, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryTokenIsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["slug"] = "assets", ["full"] = "false" });

        using var response = await app.Http.PostAsync("sync?handler=Sync", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AFormPostWithTheTokenFromThePageStartsASync()
    {
        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(cookies) { BaseAddress = app.BaseUrl };
        var html = await browser.GetStringAsync("sync");
        var token = TokenField().Match(html).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["slug"] = "locations", ["full"] = "false", ["__RequestVerificationToken"] = token });

        using var response = await browser.PostAsync("sync?handler=Sync", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var runId = long.Parse(RunParameter().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var run = await app.WaitForEndAsync(runId);
        Assert.Equal("Ui", run.GetProperty("trigger").GetString());
        Assert.False(string.IsNullOrEmpty(run.GetProperty("jobId").GetString()), "a run started from the page records its job");
    }

    [Fact]
    public async Task ACrossSiteApiRequestCannotStartASync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/sync/assets");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheApiKeyNeverReachesThePageOrTheApi()
    {
        var key = app.Services.GetRequiredService<IMaximoLocator>().ApiKey!;
        using var start = await app.Http.PostAsync("api/sync/domain", null);
        var runId = System.Text.Json.JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetInt64();
        await app.WaitForEndAsync(runId);

        foreach (var url in new[] { "sync", "api/endpoints", "api/runs", $"api/runs/{runId}", $"api/runs/{runId}/log", "api/tables", "swagger/v1/swagger.json", "hangfire/jobs/succeeded" })
        {
            Assert.DoesNotContain(key, await app.Http.GetStringAsync(url), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("run=(\\d+)")]
    private static partial Regex RunParameter();
}
