using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The offline workspace in a real headless Chromium, tried as a new user would after a sync: search,
/// open a record, follow its links, the top bar's <c>/</c> key, a tablet's width, the CSV download.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WorkspaceBrowserTests(SyncedWebAppFixture app) : IClassFixture<SyncedWebAppFixture>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly List<string> _errors = [];

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task AUserFindsAnAssetByWordsAndNumberThenFollowsItsLocationItsOpenWorkOrderAndAPlannedMaterial()
    {
        // An asset at a location in the replica, with an open work order that plans an item the replica holds.
        var pick = app.ReplicaRow(
            "SELECT a.assetuid, a.assetnum, a.description, l.locationsid, l.location, w.workorderid, w.wonum, i.inventoryid, i.itemnum " +
            "FROM asset a JOIN locations l ON l.location = a.location AND l.siteid = a.siteid AND l.deleted_at IS NULL " +
            "JOIN workorder w ON w.assetnum = a.assetnum AND w.siteid = a.siteid AND w.deleted_at IS NULL AND w.status NOT IN ('COMP', 'CLOSE', 'CAN') " +
            "JOIN wpmaterial m ON m.workorder_id = w.workorderid " +
            "JOIN inventory i ON i.itemnum = m.itemnum AND i.itemsetid = m.itemsetid AND i.location = m.location AND i.siteid = m.siteid AND i.deleted_at IS NULL " +
            "WHERE a.deleted_at IS NULL AND a.description LIKE '% %' AND (SELECT COUNT(*) FROM asset b WHERE b.description = a.description) = 1 " +
            "ORDER BY a.assetuid LIMIT 1");
        Assert.NotNull(pick);
        string Text(string column) => Convert.ToString(pick[column], CultureInfo.InvariantCulture)!;
        var page = await NewPageAsync(1280, 900);

        // By the words of its description, from the top bar of the dashboard.
        await page.GotoAsync(Url("sync"));
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search everywhere" }).FillAsync(Text("description"));
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search everywhere" }).PressAsync("Enter");
        var hit = page.Locator($".search-group[data-kind=assets] a[href='/data/assets/{Text("assetuid")}']");
        await Assertions.Expect(hit).ToHaveTextAsync(Text("assetnum"));
        await Assertions.Expect(page.Locator(".search-group[data-kind=assets] mark").First).ToBeVisibleAsync();

        // By the start of its number, among assets only.
        var prefix = Text("assetnum")[..^1];
        await page.GetByLabel("Words or numbers").FillAsync(prefix);
        await page.GetByLabel("In", new() { Exact = true }).SelectOptionAsync("assets");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(hit).ToContainTextAsync(prefix);
        await Assertions.Expect(hit.Locator("mark")).ToHaveTextAsync(Text("assetnum"));
        await AssertNoSidewaysScrollingAsync(page, "the search page");

        // Its page, its location, back, its open work order, a planned material's inventory.
        await hit.ClickAsync();
        await Assertions.Expect(page.Locator("#record-number")).ToHaveTextAsync(Text("assetnum"));
        await Assertions.Expect(page.Locator("#record-description")).ToHaveTextAsync(Text("description"));
        await page.Locator("a[data-reference=Location]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url($"data/locations/{Text("locationsid")}"));
        await Assertions.Expect(page.Locator("#record-number")).ToHaveTextAsync(Text("location"));
        await page.GoBackAsync();
        await page.Locator("[data-related='Open work orders']").GetByRole(AriaRole.Link, new() { Name = Text("wonum"), Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#record-number")).ToHaveTextAsync(Text("wonum"));
        await Assertions.Expect(page.Locator("a[data-reference=Asset]")).ToHaveTextAsync(Text("assetnum"));
        await AssertNoSidewaysScrollingAsync(page, "a work order's page");
        await page.Locator($"[data-child='Planned materials'] a[href='/data/inventory/{Text("inventoryid")}']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#record-number")).ToHaveTextAsync(Text("itemnum"));

        // The / key focuses the top bar's search, but not while a user types in a field.
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.Locator("#top-search")).ToBeFocusedAsync();
        await page.GotoAsync(Url("data/workorders"));
        await page.GetByLabel("Words").FocusAsync();
        await page.Keyboard.TypeAsync("a/b");
        await Assertions.Expect(page.GetByLabel("Words")).ToHaveValueAsync("a/b");
        await Assertions.Expect(page.GetByLabel("Words")).ToBeFocusedAsync();
        await AssertNoSidewaysScrollingAsync(page, "the work orders list");
        await Assertions.Expect(page.Locator("#connection")).ToHaveCountAsync(0);
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task TheListSortsByAColumnAndPagesOnWithTheSameFilters()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(Url("data/workorders"));
        await Assertions.Expect(page.Locator("#list-count")).ToContainTextAsync("open work orders");

        await page.Locator("th a[data-sort=wonum]").ClickAsync();
        await Assertions.Expect(page.Locator("th a[data-sort=wonum]")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("th:has(a[data-sort=wonum])")).ToHaveAttributeAsync("aria-sort", "descending");
        var firstPage = await page.Locator("#list tbody th").AllTextContentsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=-wonum.*after="));
        var secondPage = await page.Locator("#list tbody th").AllTextContentsAsync();
        Assert.Empty(firstPage.Intersect(secondPage));
        Assert.True(string.CompareOrdinal(firstPage[^1].Trim(), secondPage[0].Trim()) > 0, "the second page goes on downwards");
        await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        Assert.Equal(firstPage, await page.Locator("#list tbody th").AllTextContentsAsync());
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task EveryKindsListAndFirstRecordFitATabletWithoutSidewaysScrolling()
    {
        var page = await NewPageAsync(768, 1024);
        foreach (var kind in Data.Workspace.WorkspaceKinds.All)
        {
            await page.GotoAsync(Url($"data/{kind.Slug}"));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the {kind.Slug} list scrolls sideways at 768 px");
            await page.Locator("#list tbody th a").First.ClickAsync();
            await Assertions.Expect(page.Locator("#record-number")).Not.ToBeEmptyAsync();
            await page.Locator("#attributes summary").ClickAsync();
            Directory.CreateDirectory(BrowserTests.ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotFolder, $"workspace-{kind.Slug}-record-768.png"), FullPage = true });
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"a record of {kind.Slug} scrolls sideways at 768 px");
        }

        Assert.Empty(_errors);
    }

    [Fact]
    public async Task DownloadTheWorkOrderListAsCsvAndCompareItsRowsWithTheApi()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(Url("data/workorders?open=false"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await download.SaveAsAsync(file);
        var lines = Csv.Read(await File.ReadAllTextAsync(file));
        File.Delete(file);

        var header = lines[0];
        Assert.Equal(["workorderid", .. Data.Workspace.WorkspaceLists.ValueNames(Data.Workspace.WorkspaceKinds.WorkOrders)], header);
        var wonum = header.IndexOf("wonum");
        var fromApi = new List<string>();
        string? after = null;
        do
        {
            var json = await app.GetJsonAsync($"api/data/workorders?open=false&limit=500{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}");
            fromApi.AddRange(json.GetProperty("items").EnumerateArray().Select(WonumOf));
            after = json.GetProperty("next").ValueKind == JsonValueKind.Null ? null : json.GetProperty("next").GetString();
        }
        while (after is not null);

        Assert.NotEmpty(fromApi);
        Assert.Equal(fromApi, lines.Skip(1).Select(l => l[wonum]));
        Assert.All(lines.Skip(1), l => Assert.Equal(header.Count, l.Count));
    }

    /// <summary>A list item's work order number, whether the API writes a row's values flat or under <c>values</c>.</summary>
    private static string WonumOf(JsonElement item) =>
        (item.TryGetProperty("values", out var values) ? values : item).GetProperty("wonum").ToString();

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, message) => { if (message.Type == "error") _errors.Add(message.Text); };
        page.PageError += (_, error) => _errors.Add(error);
        return page;
    }

    /// <summary>At a tablet's 768 px the page itself never scrolls sideways (a wide table scrolls in its own box).</summary>
    private static async Task AssertNoSidewaysScrollingAsync(IPage page, string what)
    {
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(768, 1024);
        Directory.CreateDirectory(BrowserTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotFolder, $"workspace-{what.Replace(' ', '-').Replace("'", "")}-768.png") });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} scrolls sideways at 768 px");
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    private string Url(string path) => new Uri(app.BaseUrl, path).ToString();
}
