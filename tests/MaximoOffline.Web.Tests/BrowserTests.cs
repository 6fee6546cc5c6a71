using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The dashboard in a real headless Chromium (Debian's, at /usr/bin/chromium: no browser download).
/// When Chromium is missing the test fails; it never skips.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserTests(WebAppFixture app) : IClassFixture<WebAppFixture>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await app.ClearFaultsAsync();
    }

    [Fact]
    public async Task SyncAllFromTheDashboardStreamsProgressAndLogsAndEndsWithEveryCardSucceeded()
    {
        // Slow requests, so that progress is visible while it moves.
        await app.ControlAsync("faults", new { kind = "latency", delayMs = 400, path = "/os/mxapiasset" });
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 1400 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400) consoleErrors.Add($"{response.Status} {response.Url}"); };

        await page.GotoAsync(new Uri(app.BaseUrl, "sync").ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync all" }).ClickAsync();

        // Progress bars appear and move; log lines stream in.
        var assetsBar = page.Locator(".endpoint[data-slug=assets] [data-field=progressbar]");
        await Assertions.Expect(assetsBar).ToHaveAttributeAsync("aria-valuenow", new Regex("^([1-9]|[1-9][0-9])$"), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".endpoint[data-slug=assets] [data-field=progress-text]")).ToContainTextAsync("records");
        await Assertions.Expect(page.Locator("#log li")).Not.ToHaveCountAsync(0);
        var linesWhileRunning = await page.Locator("#log li").CountAsync();
        await app.ClearFaultsAsync();

        foreach (var card in await page.Locator(".endpoint").AllAsync())
        {
            await Assertions.Expect(card.Locator("[data-field=status]")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        }

        Assert.True(await page.Locator("#log li").CountAsync() > linesWhileRunning, "log lines kept streaming");
        var tables = (await app.GetJsonAsync("api/tables")).GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("table").GetString()!, t => t.GetProperty("rows").GetInt64());
        var roots = new Dictionary<string, string>
        {
            ["domain"] = "maxdomain", ["peruser"] = "person", ["locations"] = "locations",
            ["assets"] = "asset", ["wodetail"] = "workorder", ["inventory"] = "inventory",
        };
        foreach (var (slug, table) in roots)
        {
            Assert.True(tables[table] > 0, $"{table} is empty");
            await Assertions.Expect(page.Locator($".endpoint[data-slug={slug}] [data-field=rows]")).ToHaveTextAsync(tables[table].ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator($"#tables tr[data-table={table}] [data-field=rows]")).ToHaveTextAsync(tables[table].ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator($".endpoint[data-slug={slug}] [data-field=children]")).Not.ToHaveTextAsync("never");
        }

        await Assertions.Expect(page.Locator("#history tbody tr")).Not.ToHaveCountAsync(0);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "sync-finished.png"), FullPage = true });

        // At tablet width the cards stack two to a row and nothing overflows sideways.
        await page.SetViewportSizeAsync(820, 1180);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "sync-finished-tablet.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at tablet width");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task CheckConnectionShowsTheDoctorsTableOnThePageWithoutSidewaysScrollingOnATablet()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(app.BaseUrl, "sync").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Check connection" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Checked in" })).ToContainTextAsync("a sync would work");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Object structures" });
        await Assertions.Expect(table.Locator("tbody tr[data-slug]")).ToHaveCountAsync(6);
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "maxrowstamp" })).ToHaveCountAsync(1);
        await Assertions.Expect(table.Locator("tr[data-slug=assets]")).ToContainTextAsync("MXAPIASSET");
        await Assertions.Expect(table.Locator("tr[data-slug=assets] [data-label=Order]")).ToHaveTextAsync("honoured");
        await Assertions.Expect(table.Locator("tr[data-slug=domain] [data-label=maxrowstamp]")).ToHaveTextAsync("whole delta");
        await Assertions.Expect(page.Locator("#doctor-verdict")).ToContainTextAsync("A sync would work.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Connection" })).ToContainTextAsync("works (ApiKey)");

        Directory.CreateDirectory(ScreenshotFolder);
        await page.Locator("#doctor").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "doctor.png") });
        foreach (var width in new[] { 1024, 768 })
        {
            await page.SetViewportSizeAsync(width, 1024);
            await page.Locator("#doctor").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"doctor-{width}.png") });
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ABadSiteTypedIntoTheDashboardIsExplainedAndStartsNothing()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseUrl, "sync").ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        var runsBefore = (await app.GetJsonAsync("api/runs")).GetArrayLength();

        // The browser's own check stops "KD FAC"; the server's catches what slips past it.
        await page.EvaluateAsync("document.getElementById('site').removeAttribute('pattern')");
        await page.FillAsync("#site", "KD FAC");
        await page.Locator(".endpoint[data-slug=assets] .sync-button").ClickAsync();

        await Assertions.Expect(page.Locator("#alerts .alert-danger")).ToContainTextAsync("site");
        Assert.Equal(runsBefore, (await app.GetJsonAsync("api/runs")).GetArrayLength());
    }
}
