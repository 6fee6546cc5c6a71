using System.Net.Http.Json;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

public sealed class FaultFixture : MaximoFixture
{
    protected override int Seed => 11;
}

// Faults injected through /emulator/faults and /emulator/keys, as a client meets them.
public sealed class FaultTests(FaultFixture fixture) : IClassFixture<FaultFixture>, IAsyncLifetime
{
    private readonly MaximoHttp _http = fixture.Maximo;

    public Task InitializeAsync() => EmulatorControl.ResetAsync(_http);

    public Task DisposeAsync() => EmulatorControl.ResetAsync(_http);

    private Task<HttpResponseMessage> GetAssetsAsync(string pageSize = "5") =>
        _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.select"] = "*", ["oslc.pageSize"] = pageSize });

    [Fact]
    public async Task AStatusFaultAnswersForTheNextNRequestsWithRetryAfterThenStops()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "status", status = 503, retryAfter = 7, count = 2 });

        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAssetsAsync();
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal("7", retryAfter);
    }

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfter()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "status", status = 429, retryAfter = 3, count = 1 });

        using var response = await GetAssetsAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AServerErrorFaultAnswersMaximosJsonErrorBody()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "status", status = 500, count = 1 });

        using var response = await GetAssetsAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("500", (await MaximoHttp.ReadJsonAsync(response))["Error"]!["statusCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFractionHitsExactlyThatShareOfRequests()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "status", status = 500, fraction = 0.25 });

        var failures = 0;
        for (var i = 0; i < 20; i++)
        {
            using var response = await GetAssetsAsync("1");
            failures += response.StatusCode == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        Assert.Equal(5, failures);
    }

    [Fact]
    public async Task APathFilterLimitsAFaultToOneObjectStructure()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "status", status = 503, path = "/os/mxapiwodetail" });

        using var assets = await GetAssetsAsync();
        using var orders = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiwodetail", new Dictionary<string, string?> { ["lean"] = "1" });

        Assert.Equal(HttpStatusCode.OK, assets.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, orders.StatusCode);
    }

    [Fact]
    public async Task LatencyDelaysEachResponseByTheGivenTime()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "latency", delayMs = 300, count = 1 });

        var clock = Stopwatch.StartNew();
        using var response = await GetAssetsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 290, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task ADroppedConnectionFailsTheResponseMidBody()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "drop", afterBytes = 2000, count = 1 });

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await GetAssetsAsync("50");
            await response.Content.ReadAsStringAsync();
        });

        Assert.NotNull(error);
        Assert.True(error is HttpRequestException or IOException, error.ToString());
    }

    [Fact]
    public async Task ATruncatedBodyEndsCleanlyButIsNotValidJson()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "truncate", afterBytes = 1500, count = 1 });

        using var response = await GetAssetsAsync("50");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1500, text.Length);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task AnHtmlLoginPageCanArriveInsteadOfJson()
    {
        await EmulatorControl.PostAsync(_http, "faults", new { kind = "html", count = 1 });

        using var response = await GetAssetsAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedKeyIs401UntilRestored()
    {
        await EmulatorControl.PostAsync(_http, "keys/revoke", new { apiKey = "maximo-offline-demo" });
        using var revoked = await GetAssetsAsync();
        await EmulatorControl.PostAsync(_http, "keys/restore", new { apiKey = "maximo-offline-demo" });
        using var restored = await GetAssetsAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("BMXAA9549E", (await MaximoHttp.ReadJsonAsync(revoked))["Error"]!["reasonCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task ActiveFaultsAreListedInStateAndCanBeCleared()
    {
        var id = (int)(await EmulatorControl.PostAsync(_http, "faults", new { kind = "status", status = 503 }))["id"]!;

        var state = await EmulatorControl.GetAsync(_http, "state");
        using var deleted = await _http.Client.DeleteAsync(EmulatorControl.Url(_http, $"faults/{id}"));
        using var after = await GetAssetsAsync();

        Assert.Single(state["faults"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task AnUnknownFaultKindIsRefused()
    {
        using var response = await _http.Client.PostAsJsonAsync(EmulatorControl.Url(_http, "faults"), new { kind = "meteor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
