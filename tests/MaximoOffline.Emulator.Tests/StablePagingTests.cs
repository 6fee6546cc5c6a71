using System.Net;
using System.Text.Json.Nodes;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

public sealed class StablePagingFixture : MaximoFixture
{
    protected override int Seed => 9;

    protected override void Configure(EmulatorOptions options) => options.StablePagingIdleTimeout = TimeSpan.FromSeconds(1);
}

// stablepaging=1: the first request keeps the matching records; nextPage carries stableId; pages
// go forward only and expire as they are served; an idle set expires (404 BMXAA8727E). Records
// inserted later are not in the set; records deleted later are left out of its pages.
public sealed class StablePagingTests(StablePagingFixture fixture) : IClassFixture<StablePagingFixture>, IAsyncLifetime
{
    private readonly MaximoHttp _http = fixture.Maximo;

    public Task InitializeAsync() => EmulatorControl.ResetAsync(_http);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<JsonObject> FirstPageAsync(int pageSize = 100) =>
        _http.QueryAsync("mxapilocations", ("stablepaging", "1"), ("oslc.select", "locationsid"), ("oslc.orderBy", "+locationsid"),
            ("oslc.pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("collectioncount", "1"));

    private static string? Next(JsonObject page) => page["responseInfo"]?["nextPage"]?["href"]?.GetValue<string>();

    private async Task<HttpResponseMessage> GetAsync(string url) =>
        await _http.SendAsync(HttpMethod.Get, "", configure: r => r.RequestUri = new Uri(url));

    private static long[] Ids(JsonObject page) => [.. page["member"]!.AsArray().Select(m => m!["locationsid"]!.GetValue<long>())];

    [Fact]
    public async Task NextPageCarriesAStableIdAndPagesGoForwardOnly()
    {
        var first = await FirstPageAsync();
        var next = Next(first)!;

        using var second = await GetAsync(next);
        using var again = await GetAsync(next);

        Assert.Contains("stableId=", next, StringComparison.Ordinal);
        Assert.Contains("pageno=2", next, StringComparison.Ordinal);
        Assert.Equal(228, (int)first["responseInfo"]!["totalCount"]!);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null((await MaximoHttp.ReadJsonAsync(second))["responseInfo"]!["previousPage"]);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("BMXAA8727E", (await MaximoHttp.ReadJsonAsync(again))["Error"]!["reasonCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task PagesServeTheRecordsMatchedAtTheFirstRequestAndTheLastPageEndsTheSet()
    {
        var all = (await _http.PageAllAsync("mxapilocations", 1000, ("oslc.select", "locationsid"), ("oslc.orderBy", "+locationsid"))).Select(l => l.Long("locationsid")).ToList();
        var first = await FirstPageAsync();
        var inserted = EmulatorControl.Ids(await EmulatorControl.PostAsync(_http, "os/mxapilocations/insert", new { count = 3 }), "inserted");
        var deleted = EmulatorControl.Ids(await EmulatorControl.PostAsync(_http, "os/mxapilocations/delete", new { ids = new[] { all[150] } }), "deleted");

        var ids = Ids(first).ToList();
        var url = Next(first);
        string? last = null;
        while (url is not null)
        {
            using var response = await GetAsync(url);
            var page = await MaximoHttp.ReadJsonAsync(response);
            ids.AddRange(Ids(page));
            last = url;
            url = Next(page);
        }
        using var beyond = await GetAsync(last!);
        var state = await EmulatorControl.GetAsync(_http, "state");

        Assert.Equal(all.Where(id => id != all[150]), ids);
        Assert.DoesNotContain(ids, inserted.Contains);
        Assert.Equal([all[150]], deleted);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal(0, (int)state["stablePagingSets"]!);
    }

    [Fact]
    public async Task AnIdleSetExpires()
    {
        var first = await FirstPageAsync();

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var late = await GetAsync(Next(first)!);

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task OnlyTheMostRecentlyUsedSetsAreKept()
    {
        var firsts = new List<JsonObject>();
        for (var i = 0; i < 40; i++)
        {
            firsts.Add(await FirstPageAsync(10));
        }
        var state = await EmulatorControl.GetAsync(_http, "state");
        using var oldest = await GetAsync(Next(firsts[0])!);
        using var newest = await GetAsync(Next(firsts[^1])!);

        Assert.Equal(32, (int)state["stablePagingSets"]!);
        Assert.Equal(HttpStatusCode.NotFound, oldest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newest.StatusCode);
    }

    [Fact]
    public async Task AStableIdOfAnotherObjectStructureIsNotFound()
    {
        var first = await FirstPageAsync();

        using var response = await GetAsync(Next(first)!.Replace("mxapilocations", "mxapiasset", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
