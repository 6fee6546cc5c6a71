using System.Net;
using System.Text.Json.Nodes;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// oslc.select, oslc.where, oslc.orderBy and savedQuery, checked against the same data read unfiltered.
public sealed class QueryTests(ScaleOneFixture fixture) : IClassFixture<ScaleOneFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    private Task<List<JsonObject>> AllAssetsAsync() =>
        _http.PageAllAsync("mxapiasset", 1000, ("oslc.select", "assetuid,assetnum,siteid,status,description,purchaseprice,assettag,changedate,isrunning"));

    [Fact]
    public async Task SelectReturnsOnlyTheNamedAttributesWithHrefAndRowstamp()
    {
        var page = await _http.QueryAsync("mxapiasset", ("oslc.select", "assetnum,siteid"), ("oslc.pageSize", "3"), ("ignorecollectionref", "1"));

        var member = page["member"]![0]!.AsObject();
        Assert.Equal(new[] { "_rowstamp", "assetnum", "href", "siteid" }, member.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Matches("^[0-9]+$", member.Text("_rowstamp"));
    }

    [Fact]
    public async Task ChildSelectsReturnChildrenWithLocalrefsAndTheirOwnSelection()
    {
        var members = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetnum,assetmeter{metername},assetspec{*}"), ("oslc.pageSize", "30")))["member"]!.AsArray();

        var meters = members.SelectMany(m => m!.AsObject().Children("assetmeter")).Select(m => m!.AsObject()).ToList();
        Assert.NotEmpty(meters);
        Assert.All(meters, m => Assert.Equal(new[] { "_rowstamp", "href", "localref", "metername" }, m.Select(p => p.Key).Order(StringComparer.Ordinal)));
        Assert.All(meters, m => Assert.Matches(@"/mxapiasset/_[A-Za-z0-9_-]+/int_assetmeter/\d+-\d+$", m.Text("localref")));
        Assert.All(meters, m => Assert.StartsWith("http://childkey#", m.Text("href"), StringComparison.Ordinal));
        Assert.Contains(members, m => m!.AsObject().Children("assetspec").Count > 0);
    }

    [Fact]
    public async Task NestedSelectsReachGroupsThroughUsersAndMemberships()
    {
        var person = (await _http.QueryAsync("mxapiperuser", ("oslc.select", "personid,maxuser{*,groupuser{*,maxgroup{*}}}"), ("oslc.pageSize", "5")))["member"]!
            .AsArray().Select(p => p!.AsObject()).First(p => p.Children("maxuser").Count > 0);

        var user = person.Children("maxuser")[0]!.AsObject();
        Assert.Contains("/user/0-", user.Text("localref"), StringComparison.Ordinal);
        var membership = user.Children("groupuser")[0]!.AsObject();
        Assert.NotNull(membership.Children("maxgroup")[0]!["maxgroupid"]);
    }

    [Fact]
    public async Task WithoutSelectMembersCarryOnlyTheirHref()
    {
        var member = (await _http.QueryAsync("mxapilocations", ("oslc.pageSize", "1")))["member"]![0]!.AsObject();

        Assert.Equal(["href"], member.Select(p => p.Key));
    }

    [Fact]
    public async Task FilteredCountEqualsTheSameFilterAppliedToEveryRecord()
    {
        var all = await AllAssetsAsync();
        var expected = all.Count(a => a.Text("siteid") == "KDFAC" && a.Text("status") is "OPERATING" or "BROKEN" && a.Number("purchaseprice") >= 100_000
            && a.Text("description")!.Contains("pump", StringComparison.OrdinalIgnoreCase));

        var count = await _http.CountAsync("mxapiasset", "siteid=\"KDFAC\" and status in [\"OPERATING\",\"BROKEN\"] and purchaseprice>=100000 and description=\"%pump%\"");

        Assert.True(expected > 0);
        Assert.Equal(expected, count);
    }

    [Fact]
    public async Task InListsAcceptQuotedAndBareValues()
    {
        var quoted = await _http.CountAsync("mxapiwodetail", "siteid=\"LCVIRQ\" and historyflag=0 and status in [\"WAPPR\",\"APPR\",\"INPRG\",\"ASSIGN\",\"WMATL\"]");
        var bare = await _http.CountAsync("mxapiwodetail", "siteid=\"LCVIRQ\" and historyflag=0 and status in [WAPPR,APPR,INPRG,ASSIGN,WMATL]");
        var orders = await _http.PageAllAsync("mxapiwodetail", 1000, ("oslc.select", "siteid,status"));

        Assert.Equal(orders.Count(o => o.Text("siteid") == "LCVIRQ" && o.Text("status") is "WAPPR" or "APPR" or "INPRG" or "ASSIGN" or "WMATL"), quoted);
        Assert.Equal(quoted, bare);
    }

    [Fact]
    public async Task StarTestsSplitRecordsIntoPresentAndNull()
    {
        var all = await AllAssetsAsync();

        var present = await _http.CountAsync("mxapiasset", "assettag=\"*\"");
        var missing = await _http.CountAsync("mxapiasset", "assettag!=\"*\"");

        Assert.Equal(all.Count(a => a.Text("assettag") is not null), present);
        Assert.Equal(all.Count, present + missing);
        Assert.True(missing > 0);
    }

    [Fact]
    public async Task DateFiltersCompareInstantsAndReadNaiveTimesAsServerLocal()
    {
        var all = await AllAssetsAsync();
        var since = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.FromHours(-4));

        var withOffset = await _http.CountAsync("mxapiasset", "changedate>=\"2024-06-01T00:00:00-04:00\"");
        var naive = await _http.CountAsync("mxapiasset", "changedate>=\"2024-06-01T00:00:00\"");
        var utc = await _http.CountAsync("mxapiasset", "changedate<\"2024-06-01T04:00:00+00:00\"");

        Assert.Equal(all.Count(a => a.Date("changedate") >= since), withOffset);
        Assert.Equal(withOffset, naive);
        Assert.Equal(all.Count, withOffset + utc);
    }

    [Theory]
    [InlineData("historyflag=0")]
    [InlineData("historyflag=false")]
    public async Task FlagsAcceptOneZeroAndTrueFalse(string where)
    {
        var orders = await _http.PageAllAsync("mxapiwodetail", 1000, ("oslc.select", "historyflag"));

        Assert.Equal(orders.Count(o => !o["historyflag"]!.GetValue<bool>()), await _http.CountAsync("mxapiwodetail", where));
    }

    [Theory]
    [InlineData("(siteid=\"KDFAC\")")]
    [InlineData("siteid=\"KDFAC\" or siteid=\"LCVIRQ\"")]
    [InlineData("siteid=")]
    [InlineData("siteid~\"KDFAC\"")]
    [InlineData("siteid=\"KDFAC")]
    [InlineData("nosuchattribute=\"X\"")]
    [InlineData("changedate>\"yesterday\"")]
    public async Task WhereClausesMaximoRefusesAnswer400WithBmxaa8744e(string where)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.where"] = where });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await MaximoHttp.ReadJsonAsync(response))["Error"]!.AsObject();
        Assert.Equal("BMXAA8744E", error.Text("reasonCode"));
        Assert.Equal("400", error.Text("statusCode"));
    }

    [Fact]
    public async Task OrderBySortsOnEachSignedAttribute()
    {
        var page = await _http.QueryAsync("mxapiasset", ("oslc.select", "status,changedate,assetuid"), ("oslc.orderBy", "+status,-changedate"), ("oslc.pageSize", "1000"));

        var rows = page["member"]!.AsArray().Select(m => m!.AsObject()).ToList();
        var expected = rows.OrderBy(r => r.Text("status"), StringComparer.Ordinal).ThenByDescending(r => r.Date("changedate")).ToList();
        Assert.Equal(expected.Select(r => r.Long("assetuid")), rows.Select(r => r.Long("assetuid")));
    }

    [Theory]
    [InlineData("changedate")]
    [InlineData(" changedate")]
    [InlineData("+changedate,assetuid")]
    public async Task OrderByWithoutASignIsRefused(string orderBy)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.orderBy"] = orderBy });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BMXAA8744E", (await MaximoHttp.ReadJsonAsync(response))["Error"]!["reasonCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnencodedPlusInOrderByArrivesAsASpaceAndIsRefused()
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "", configure: r =>
            r.RequestUri = new Uri($"{_http.BaseUrl}/api/os/mxapiasset?lean=1&oslc.orderBy=+assetuid"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task KeysetRangeOnTheUniqueIdReturnsTheFollowingRecordsInIdOrder()
    {
        var all = (await AllAssetsAsync()).Select(a => a.Long("assetuid")).Order().ToList();
        var after = all[123];

        var page = await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid"), ("oslc.where", $"assetuid>{after}"), ("oslc.orderBy", "+assetuid"), ("oslc.pageSize", "50"));

        Assert.Equal(all.Skip(124).Take(50), page["member"]!.AsArray().Select(m => m!["assetuid"]!.GetValue<long>()));
    }

    [Fact]
    public async Task SavedQueryAppliesKnownNamesAndSilentlyIgnoresUnknownOnes()
    {
        var all = await AllAssetsAsync();

        var operating = await _http.QueryAsync("mxapiasset", ("savedQuery", "OPERATING"), ("count", "1"));
        var misspelt = await _http.QueryAsync("mxapiasset", ("savedQuery", "operating"), ("count", "1"));

        Assert.Equal(all.Count(a => a.Text("status") == "OPERATING"), (int)operating["totalCount"]!);
        Assert.Equal(all.Count, (int)misspelt["totalCount"]!);
    }

    [Fact]
    public async Task ObjectStructureNamesAreCaseInsensitiveAndHrefsLowerCase()
    {
        var page = await _http.QueryAsync("MXAPIASSET", ("oslc.pageSize", "1"));

        Assert.EndsWith("/api/os/mxapiasset", page["href"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
