using System.Net;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// oslc.pageSize + pageno with nextPage/previousPage, collectioncount, count, and the page-size cap.
public sealed class PagingTests(ScaleOneFixture fixture) : IClassFixture<ScaleOneFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    [Theory]
    [InlineData("mxapiasset", "assetuid")]
    [InlineData("mxapilocations", "locationsid")]
    [InlineData("mxapiperuser", "personuid")]
    [InlineData("mxapidomain", "maxdomainid")]
    [InlineData("mxapiwodetail", "workorderid")]
    [InlineData("mxapiinventory", "inventoryid")]
    public async Task PagingThroughACollectionReturnsEveryRecordExactlyOnceAndTotalCountMatches(string os, string uniqueId)
    {
        var first = await _http.QueryAsync(os, ("oslc.pageSize", "97"), ("collectioncount", "1"), ("oslc.select", uniqueId), ("oslc.orderBy", $"+{uniqueId}"));

        var all = await _http.PageAllAsync(os, 97, ("collectioncount", "1"), ("oslc.select", uniqueId), ("oslc.orderBy", $"+{uniqueId}"));

        var ids = all.Select(m => m.Long(uniqueId)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((int)first["responseInfo"]!["totalCount"]!, ids.Count);
        Assert.Equal((ids.Count + 96) / 97, (int)first["responseInfo"]!["totalPages"]!);
    }

    [Fact]
    public async Task PagesLinkForwardAndBackWithAbsoluteHrefsOnTheRequestHost()
    {
        var second = await _http.QueryAsync("mxapilocations", ("oslc.pageSize", "50"), ("pageno", "2"), ("oslc.where", "siteid=\"KDFAC\""));

        var info = second["responseInfo"]!.AsObject();
        Assert.Equal(2, (int)info["pagenum"]!);
        var next = new Uri(info["nextPage"]!["href"]!.GetValue<string>());
        var previous = new Uri(info["previousPage"]!["href"]!.GetValue<string>());
        Assert.Equal(_http.BaseUrl.Authority, next.Authority);
        Assert.Contains("pageno=3", next.Query, StringComparison.Ordinal);
        Assert.Contains("pageno=1", previous.Query, StringComparison.Ordinal);
        Assert.Contains("oslc.where=siteid%3D%22KDFAC%22", next.Query, StringComparison.Ordinal);
        Assert.Null(info["totalCount"]);
    }

    [Fact]
    public async Task TheLastPageHasNoNextPageAndTheFirstNoPreviousPage()
    {
        var last = await _http.QueryAsync("mxapilocations", ("oslc.pageSize", "100"), ("pageno", "3"));
        var first = await _http.QueryAsync("mxapilocations", ("oslc.pageSize", "100"));

        Assert.Null(last["responseInfo"]!["nextPage"]);
        Assert.Equal(28, last["member"]!.AsArray().Count);
        Assert.Null(first["responseInfo"]!["previousPage"]);
    }

    [Fact]
    public async Task CountOnlyAnswersTheTotalAlone()
    {
        var body = await _http.QueryAsync("mxapilocations", ("count", "1"));

        Assert.Equal(["totalCount"], body.Select(p => p.Key));
        Assert.Equal(228, (int)body["totalCount"]!);
    }

    [Fact]
    public async Task APageSizeOverTheServerMaximumIsRefused()
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.pageSize"] = "1001" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum page size", (await MaximoHttp.ReadJsonAsync(response))["Error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPageSizeTheServerMaximumIsUsed()
    {
        var page = await _http.QueryAsync("mxapiwodetail", ("oslc.select", "wonum"));

        Assert.Equal(1000, page["member"]!.AsArray().Count);
        Assert.NotNull(page["responseInfo"]!["nextPage"]);
    }
}
