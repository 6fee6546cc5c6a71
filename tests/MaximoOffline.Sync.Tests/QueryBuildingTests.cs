using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Tests;

public sealed class QueryBuildingTests
{
    [Fact]
    public void EveryValueIsUrlEncodedAndOrderBySignsSurviveAsPercent2B()
    {
        var query = new MaximoQuery
        {
            Select = "*,assetmeter{*}",
            Where = MaximoWhere.And(MaximoWhere.Equal("siteid", "KD FAC"), MaximoWhere.GreaterThan("assetuid", 12)),
            OrderBy = [("changedate", true), ("assetuid", false)],
            PageSize = 500,
        };

        var text = query.ToQueryString();

        Assert.StartsWith("lean=1&", text, StringComparison.Ordinal);
        Assert.Contains("oslc.orderBy=%2Bchangedate%2C-assetuid", text, StringComparison.Ordinal);
        Assert.Contains("oslc.where=siteid%3D%22KD%20FAC%22%20and%20assetuid%3E12", text, StringComparison.Ordinal);
        Assert.Contains("oslc.select=%2A%2Cassetmeter%7B%2A%7D", text, StringComparison.Ordinal);
        Assert.Contains("oslc.pageSize=500", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RowstampDeltaAddsFetchModeDeltaAndTheLastFetchTimestamp() =>
        Assert.Contains("fetchmodedelta=1&lastfetchts=752083881", new MaximoQuery { DeltaSinceRowstamp = 752083881 }.ToQueryString(), StringComparison.Ordinal);

    [Theory]
    [InlineData("KDFAC\" or 1=1")]
    [InlineData("line\nbreak")]
    public void AValueThatCannotBeQuotedSafelyIsRefused(string value) =>
        Assert.Throws<ArgumentException>(() => MaximoWhere.Equal("siteid", value));

    [Fact]
    public void DatesAreWrittenWithTheirOffsetOrAsTheServersWallClock()
    {
        var date = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("changedate>=\"2024-03-01T10:00:00-05:00\"", MaximoWhere.GreaterOrEqual("changedate", date, DateFilterFormat.Offset));
        Assert.Equal("changedate>=\"2024-03-01T10:00:00\"", MaximoWhere.GreaterOrEqual("changedate", date, DateFilterFormat.Local));
    }

    [Fact]
    public void TheWorkOrderFilterQuotesTheSiteAndTheConfiguredStatuses()
    {
        var options = new SyncOptions { WorkOrderStatuses = ["WAPPR", "INPRG"] };

        Assert.Equal("siteid=\"LCVIRQ\" and historyflag=0 and status in [\"WAPPR\",\"INPRG\"]", EndpointCatalog.WoDetail.Where("LCVIRQ", options));
    }

    [Fact]
    public void ACustomWhereReplacesTheDefaultWithTheSiteQuoted()
    {
        var options = new SyncOptions();
        options.Where["assets"] = "siteid={site} and status=\"OPERATING\"";

        Assert.Equal("siteid=\"KDFAC\" and status=\"OPERATING\"", EndpointCatalog.Assets.Where("KDFAC", options));
    }

    [Fact]
    public void EndpointsWithoutASiteHaveNoSiteFilter()
    {
        Assert.Null(EndpointCatalog.Domain.Where("KDFAC", new SyncOptions()));
        Assert.Null(EndpointCatalog.PerUser.Where("KDFAC", new SyncOptions()));
    }

    [Fact]
    public void AllRunsTheEndpointsInDependencyOrder() =>
        Assert.Equal(["domain", "peruser", "locations", "assets", "wodetail", "inventory"], EndpointCatalog.Slugs);

    [Theory]
    [InlineData("kdfac", "KDFAC")]
    [InlineData(" BEDFORD ", "BEDFORD")]
    [InlineData("SITE_1-A", "SITE_1-A")]
    public void SiteIdsAreNormalised(string input, string expected)
    {
        Assert.True(SiteId.TryParse(input, out var site, out _));
        Assert.Equal(expected, site);
    }

    [Theory]
    [InlineData("KD FAC")]
    [InlineData("\" or 1=1")]
    [InlineData("KD'FAC")]
    [InlineData("TOOLONGSITE")]
    [InlineData("KDFAC\u0001")]
    [InlineData("KDFÄC")]
    [InlineData("")]
    public void SitesMaximoWouldNotHaveAreRejectedWithAReason(string input)
    {
        Assert.False(SiteId.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
