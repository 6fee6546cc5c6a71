using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Tests;

public sealed class FaultTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await emulator.RestoreAsync();
        await emulator.ControlAsync("keys/restore");
        _harness = await SyncHarness.StartAsync(emulator);
    }

    public async Task DisposeAsync()
    {
        await emulator.ClearFaultsAsync();
        await emulator.ControlAsync("keys/restore");
        await _harness.DisposeAsync();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task TransientErrorsAreRetriedAndTheRunSucceeds(int status)
    {
        await emulator.ControlAsync("faults", new { kind = "status", status, retryAfter = 1, count = 3, path = "/os/mxapiasset", query = "oslc.select=*" });

        var (runId, result) = await _harness.RunAsync("assets");

        Assert.True(result == SyncRunStatus.Succeeded, _harness.RunError(runId));
        Assert.Equal(500, _harness.Count("asset"));
        // A gateway that throttles (429, 503) gets fewer requests at once; a failing server (500) does not.
        Assert.Equal(status != 500, _harness.Events.Of<Engine.LogEvent>().Any(e => e.RunId == runId && e.Message.Contains("Maximo asked for fewer requests", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARevokedKeyFailsTheRunAtOnceWithTheReasonCodeInItsError()
    {
        await emulator.ControlAsync("keys/revoke");

        var (runId, result) = await _harness.RunAsync("assets", site: "KDFAC");

        Assert.Equal(SyncRunStatus.Failed, result);
        Assert.Contains("BMXAA9549E", _harness.RunError(runId), StringComparison.Ordinal);
        Assert.Contains("Maximo:ApiKey", _harness.RunError(runId), StringComparison.Ordinal);
        // A 401 is not retried: each of the questions the run asks at once went out once.
        Assert.All(_harness.Requests.Urls.GroupBy(u => u), g => Assert.Single(g));
    }

    [Fact]
    public async Task AKeyRevokedMidRunFailsTheRunAndKeepsTheCommittedPages()
    {
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:MaxConcurrentRequests"] = "1" });
        var revoked = false;
        harness.Events.Observed += e =>
        {
            if (!revoked && e is Engine.ProgressEvent { Pages: 1 })
            {
                revoked = true;
                emulator.ControlAsync("keys/revoke").GetAwaiter().GetResult();
            }
        };

        var (runId, result) = await harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Failed, result);
        Assert.Contains("BMXAA9549E", harness.RunError(runId), StringComparison.Ordinal);
        var pages = (long)harness.Scalar($"SELECT pages FROM sync_run WHERE id = {runId}")!;
        Assert.InRange(pages, 1, 4);
        Assert.Equal(harness.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {runId}"), harness.Count("asset"));
    }

    [Fact]
    public async Task ATruncatedPageIsReadAgainAndTheRunSucceeds()
    {
        await emulator.ControlAsync("faults", new { kind = "truncate", afterBytes = 20_000, count = 6, path = "/os/mxapiasset", query = "oslc.select=*" });

        var (runId, result) = await _harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Succeeded, result);
        Assert.Equal(500, _harness.Count("asset"));
        Assert.Contains(_harness.Events.Of<Engine.LogEvent>(), e => e.RunId == runId && e.Message.Contains("incomplete or invalid JSON", StringComparison.Ordinal) && e.Message.Contains("Reading the page again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APageThatStaysTruncatedFailsTheRunWithoutCommittingAnyPartOfIt()
    {
        await emulator.ControlAsync("faults", new { kind = "truncate", afterBytes = 20_000, path = "/os/mxapiasset" });

        var (runId, result) = await _harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Failed, result);
        Assert.Contains("incomplete or invalid JSON", _harness.RunError(runId), StringComparison.Ordinal);
        Assert.Equal(0, _harness.Count("asset", "1=1"));
        Assert.Equal(0, _harness.Count("assetmeter", "1=1"));
    }

    [Fact]
    public async Task AConnectionDroppedMidPageIsReadAgain()
    {
        // The first four requests are small probes (cursor, count, lowest and highest id); the next are pages.
        await emulator.ControlAsync("faults", new { kind = "drop", afterBytes = 20_000, count = 6, path = "/os/mxapiasset" });

        var (runId, result) = await _harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Succeeded, result);
        Assert.Equal(500, _harness.Count("asset"));
        Assert.Equal(runId, _harness.Scalar("SELECT MAX(id) FROM sync_run"));
        // Every drop was served (a fault leaves the list once applied its count of times): two pages were cut.
        Assert.Equal("[]", await emulator.Http.GetStringAsync("emulator/faults"));
    }

    [Fact]
    public async Task AnHtmlLoginPageInsteadOfJsonIsReportedAsNotAuthenticated()
    {
        await emulator.ControlAsync("faults", new { kind = "html", path = "/os/mxapiasset" });

        var (runId, result) = await _harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Failed, result);
        Assert.Contains("not authenticated, or not a Maximo API", _harness.RunError(runId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableMaximoFailsTheRunWithAMessageNamingTheUrl()
    {
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:BaseUrl"] = "http://127.0.0.1:9/maximo", ["Maximo:MaxRetries"] = "1" });

        var (runId, result) = await harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Failed, result);
        Assert.Contains("http://127.0.0.1:9/maximo", harness.RunError(runId), StringComparison.Ordinal);
        Assert.Contains("could not be reached", harness.RunError(runId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingARunStopsItAtAPageBoundaryAndKeepsTheCommittedPages()
    {
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:MaxConcurrentRequests"] = "1" });
        var start = await harness.Sync.RequestAsync(new Engine.SyncRequest("assets"));
        harness.Events.Observed += e =>
        {
            if (e is Engine.ProgressEvent { Pages: 1 } p && p.RunId == start.RunId)
            {
                harness.Sync.Cancel(start.RunId);
            }
        };

        var result = await harness.Sync.ExecuteAsync(start.RunId);

        Assert.Equal(SyncRunStatus.Cancelled, result);
        var fetched = (long)harness.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {start.RunId}")!;
        Assert.InRange(fetched, 100, 400);
        Assert.Equal(fetched, harness.Count("asset"));
        Assert.Null(harness.Scalar("SELECT cursor FROM sync_state WHERE endpoint = 'assets'"));
    }
}
