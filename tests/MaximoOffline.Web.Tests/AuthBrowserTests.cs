using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// Sign-in in a real headless Chromium, tried as a planner and a technician would: a Viewer signs in,
/// finds and opens a work order and sees no Sync button; an Operator starts a sync and watches it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuthBrowserTests(LocalAuthFixture app) : IClassFixture<LocalAuthFixture>, IAsyncLifetime
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
    public async Task AViewerSignsInFindsAndOpensAWorkOrderAndHasNoSyncButton()
    {
        using var start = await app.Http.PostAsJsonAsync("api/sync/wodetail", new { site = "KDFAC", full = true });
        var run = await app.WaitForEndAsync((await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        var (workOrderId, wonum) = FirstOpenWorkOrder();

        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("sync"));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await SignInAsync(page, "viola");

        // The dashboard (with the run it shows once a run exists: another test may have started one).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(Url("sync"))}(\\?run=\\d+)?$"));
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("viola · Viewer");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync all" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jobs" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search everywhere" }).FillAsync(wonum);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search everywhere" }).PressAsync("Enter");
        await page.Locator($".search-group[data-kind=workorders] a[href='/data/workorders/{workOrderId}']").ClickAsync();
        await Assertions.Expect(page.Locator("#record-number")).ToHaveTextAsync(wonum);

        // Signing out ends the session: the pages ask for a sign-in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("login"));
        await page.GotoAsync(Url($"data/workorders/{workOrderId}"));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    [Fact]
    public async Task AnOperatorSignsInStartsASyncAndWatchesItEnd()
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("login"));
        await SignInAsync(page, "otto");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");

        var card = page.Locator(".endpoint[data-slug=locations]");
        await card.GetByRole(AriaRole.Button, new() { Name = "Sync", Exact = true }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-field=status]")).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#log li").Filter(new() { HasText = "locations" }).First).ToBeVisibleAsync();
        var latest = (await app.GetJsonAsync("api/runs?endpoint=locations&limit=1")).EnumerateArray().Single();
        Assert.Equal("otto", latest.GetProperty("requestedBy").GetString());
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GetByLabel("User").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(LocalAuthFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private (long Id, string Wonum) FirstOpenWorkOrder()
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT workorderid, wonum FROM workorder WHERE deleted_at IS NULL AND siteid = 'KDFAC' ORDER BY workorderid LIMIT 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "no work order was synced");
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private string Url(string path) => new Uri(app.BaseUrl, path).ToString();
}
