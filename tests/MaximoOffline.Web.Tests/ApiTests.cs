using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.ClearFaultsAsync();
        await app.ControlAsync("reset");
    }

    public Task DisposeAsync() => app.ClearFaultsAsync();

    [Fact]
    public async Task SyncingAnEndpointAnswers202WithARunThatSucceedsWithTheEmulatorsCounts()
    {
        using var response = await app.Http.PostAsJsonAsync("api/sync/assets", new { site = "KDFAC", full = true });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var runId = body.GetProperty("runId").GetInt64();
        Assert.Equal($"/api/runs/{runId}", response.Headers.Location?.OriginalString);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("jobId").GetString()));

        var run = await app.WaitForEndAsync(runId);

        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        var tables = run.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!, t => t.GetProperty("inserted").GetInt64());
        Assert.Equal(await app.EmulatorCountAsync("mxapiasset", "siteid=\"KDFAC\""), tables["asset"]);
        Assert.True(tables["assetmeter"] > 0);
        var counts = await app.GetJsonAsync("api/tables");
        Assert.Equal(tables["asset"], counts.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "asset").GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task ASecondRequestWhileTheEndpointSyncsAnswers409WithTheSameRun()
    {
        var gate = await app.HoldPagesAsync("/os/mxapilocations");
        using var first = await app.Http.PostAsJsonAsync("api/sync/locations", new { full = true });
        var runId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        await gate.ReachedAsync();

        using var second = await app.Http.PostAsync("api/sync/locations", null);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(runId, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        await gate.OpenAsync();
        Assert.Equal("Succeeded", (await app.WaitForEndAsync(runId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheEndpointsAndThePageCountTheWorkOrdersThatLeftTheFilterInTheLastRun()
    {
        using var full = await app.Http.PostAsJsonAsync("api/sync/wodetail", new { site = "KDFAC", full = true });
        await app.WaitForEndAsync((await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        var open = (await app.GetJsonAsync("api/endpoints")).EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "wodetail");
        var ids = await app.OpenWorkOrderIdsAsync("KDFAC", 3);
        await app.ControlAsync("os/mxapiwodetail/set", new { ids, set = new { status = "COMP" } });

        using var incremental = await app.Http.PostAsJsonAsync("api/sync/wodetail", new { site = "KDFAC" });
        var run = await app.WaitForEndAsync((await incremental.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());

        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        Assert.Equal(3, run.GetProperty("leftFilter").GetInt64());
        var wodetail = (await app.GetJsonAsync("api/endpoints")).EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "wodetail");
        Assert.Equal(3, wodetail.GetProperty("lastRun").GetProperty("leftFilter").GetInt64());
        Assert.Equal(open.GetProperty("rows").GetInt64() - 3, wodetail.GetProperty("rows").GetInt64());
        var page = await app.Http.GetStringAsync("sync");
        Assert.Matches("data-field=\"left\">3<", page);
    }

    [Fact]
    public async Task AnUnknownEndpointAnswers404WithProblemDetails()
    {
        using var response = await app.Http.PostAsync("api/sync/workorders", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("assets", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KD FAC")]
    [InlineData("\" or 1=1")]
    [InlineData("TOOLONGSITE")]
    [InlineData("KD\u0007")]
    public async Task ABadSiteAnswers400BeforeAnythingReachesMaximo(string site)
    {
        var before = (await app.GetJsonAsync("emulator/state")).GetProperty("objectStructures").GetProperty("MXAPIASSET");

        using var response = await app.Http.PostAsJsonAsync("api/sync/assets", new { site });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.ToString(), (await app.GetJsonAsync("emulator/state")).GetProperty("objectStructures").GetProperty("MXAPIASSET").ToString());
    }

    [Fact]
    public async Task AMalformedBodyAnswers400()
    {
        using var content = new StringContent("{\"site\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await app.Http.PostAsync("api/sync/assets", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CancellingARunEndsItCancelledWithItsCommittedPagesKept()
    {
        // Every second page waits at the gate: some pages commit, and the run cannot end before the cancel.
        var gate = await app.HoldPagesAsync("/os/mxapiwodetail", fraction: 0.5);
        using var start = await app.Http.PostAsJsonAsync("api/sync/wodetail", new { site = "LCVIRQ", full = true });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        await Wait.UntilAsync(async () => (await app.GetJsonAsync($"api/runs/{runId}")).GetProperty("pages").GetInt32() >= 1);
        await gate.ReachedAsync();

        using var cancel = await app.Http.PostAsync($"api/runs/{runId}/cancel", null);
        await gate.OpenAsync();

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var run = await app.WaitForEndAsync(runId);
        Assert.Equal("Cancelled", run.GetProperty("status").GetString());
        var fetched = run.GetProperty("recordsFetched").GetInt64();
        Assert.InRange(fetched, 1, run.GetProperty("totalRecords").GetInt64() - 1);
        var rows = (await app.GetJsonAsync("api/tables")).GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "workorder").GetProperty("rows").GetInt64();
        Assert.True(rows >= fetched);
    }

    [Fact]
    public async Task EndpointsListEverySlugWithItsObjectStructure()
    {
        var endpoints = await app.GetJsonAsync("api/endpoints");

        Assert.Equal(["domain", "peruser", "locations", "assets", "wodetail", "inventory"],
            endpoints.EnumerateArray().Select(e => e.GetProperty("slug").GetString()));
        Assert.Equal("MXAPIWODETAIL", endpoints.EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "wodetail").GetProperty("objectStructure").GetString());
    }

    [Fact]
    public async Task HealthReportsTheDatabaseAndTheJobServer()
    {
        using var response = await app.Http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Contains($"/{Environment.ProcessId}", health.RootElement.GetProperty("node").GetString(), StringComparison.Ordinal);
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal(["database", "jobs"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.StartsWith("Replica (Sqlite) at '", checks.GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("This node's job server runs ", checks.GetProperty("jobs").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwaggerDocumentsEveryRoute()
    {
        var doc = await app.GetJsonAsync("swagger/v1/swagger.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/sync/{slug}", paths);
        Assert.Contains("/api/runs/{id}/cancel", paths);
        Assert.Contains("/api/tables", paths);
        Assert.Contains("/api/endpoints", paths);
        Assert.Contains("/api/runs/{id}/log", paths);
        Assert.Contains("/api/doctor", paths);
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/data/{kind}", paths);
        Assert.Contains("/api/data/{kind}.csv", paths);
        Assert.Contains("/api/data/{kind}/{id}", paths);
    }

    [Fact]
    public async Task DoctorAnswersTheReportInTheDocumentedShapeWithoutTheApiKey()
    {
        using var response = await app.Http.GetAsync("api/doctor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var report = JsonDocument.Parse(text).RootElement;
        Assert.Equal(DoctorJson.Shape, DoctorJson.PathsOf(report));
        Assert.True(report.GetProperty("verdict").GetProperty("ok").GetBoolean(), text);
        Assert.Equal(new Uri(app.BaseUrl, "maximo").ToString(), report.GetProperty("maximo").GetString());
        Assert.True(report.GetProperty("auth").GetProperty("works").GetBoolean());
        Assert.Equal("KDFAC", report.GetProperty("site").GetProperty("id").GetString());
        Assert.Equal("the user's default site", report.GetProperty("site").GetProperty("source").GetString());
        Assert.All(report.GetProperty("endpoints").EnumerateArray(), e => Assert.Equal(100, e.GetProperty("page").GetProperty("pageSize").GetInt32()));
        var key = app.Services.GetRequiredService<Sync.Client.IMaximoLocator>().ApiKey;
        Assert.False(string.IsNullOrEmpty(key));
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorChecksTheSiteAskedFor()
    {
        var report = await app.GetJsonAsync("api/doctor?site=lcvirq");

        Assert.Equal("LCVIRQ", report.GetProperty("site").GetProperty("id").GetString());
        var assets = report.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "assets");
        Assert.Equal(await app.EmulatorCountAsync("mxapiasset", "siteid=\"LCVIRQ\""), assets.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task DoctorForABadSiteAnswers400WithProblemDetails()
    {
        using var response = await app.Http.GetAsync("api/doctor?site=KD%20FAC");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("KD FAC", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
