using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// The sizes and internal consistency of a real site at scale 1 (issue 3's acceptance list).
public sealed class ScaleOneDataTests(ScaleOneFixture fixture) : IClassFixture<ScaleOneFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    [Fact]
    public async Task KdfacHas171LocationsAnd500Assets()
    {
        Assert.Equal(171, await _http.CountAsync("mxapilocations", "siteid=\"KDFAC\""));
        Assert.Equal(500, await _http.CountAsync("mxapiasset", "siteid=\"KDFAC\""));
    }

    [Fact]
    public async Task DomainsNumber949AndHold13246Values()
    {
        var domains = await _http.PageAllAsync("mxapidomain", 1000,
            ("oslc.select", "domainid,synonymdomain{synonymdomainid},alndomain{alndomainid},numericdomain{numericdomainid}"));

        var values = domains.Sum(d => d.Children("synonymdomain").Count + d.Children("alndomain").Count + d.Children("numericdomain").Count);
        Assert.Equal(949, domains.Count);
        Assert.Equal(13_246, values);
    }

    [Fact]
    public async Task UsersHold2051MembershipsOverAtLeast16GroupsThatExist()
    {
        var persons = await _http.PageAllAsync("mxapiperuser", 1000,
            ("oslc.select", "personid,maxuser{userid,groupuser{groupname,maxgroup{maxgroupid,groupname}}}"));

        var memberships = persons.SelectMany(p => p.Children("maxuser")).SelectMany(u => u!.AsObject().Children("groupuser"))
            .Select(g => g!.AsObject()).ToList();
        Assert.Equal(2_051, memberships.Count);
        Assert.True(memberships.Select(m => m.Text("groupname")).Distinct().Count() >= 16);
        Assert.All(memberships, m => Assert.Equal(m.Text("groupname"), m.Children("maxgroup").Single()!.AsObject().Text("groupname")));
        var groupIds = memberships.GroupBy(m => m.Text("groupname")).Select(g => g.Select(m => m.Children("maxgroup")[0]!["maxgroupid"]!.GetValue<long>()).Distinct().Count());
        Assert.All(groupIds, ids => Assert.Equal(1, ids));
    }

    [Fact]
    public async Task LcvirqWorkOrdersSpanOpenAndClosedStatusesWithHistoryFlagOnClosedOnes()
    {
        var orders = await _http.PageAllAsync("mxapiwodetail", 1000, ("oslc.select", "wonum,siteid,status,historyflag"), ("oslc.where", "siteid=\"LCVIRQ\""));

        var statuses = orders.Select(o => o.Text("status")).ToHashSet();
        Assert.Superset(statuses!, new HashSet<string?> { "WAPPR", "APPR", "INPRG", "ASSIGN", "WMATL", "COMP", "CLOSE", "CAN" });
        Assert.All(orders, o => Assert.Equal(o.Text("status") is "CLOSE" or "CAN", o["historyflag"]!.GetValue<bool>()));
        Assert.True(await _http.CountAsync("mxapiwodetail", "siteid=\"KDFAC\"") > 0);
    }

    [Fact]
    public async Task HundredKdfacInventoryRecordsEachHaveEveryChildKind()
    {
        var items = await _http.PageAllAsync("mxapiinventory", 1000,
            ("oslc.select", "itemnum,invbalances{*},invcost{*},itemcondition{*},matrectrans{*},matusetrans{*},transfercuritem{*}"),
            ("oslc.where", "siteid=\"KDFAC\""));

        Assert.Equal(100, items.Count);
        foreach (var kind in new[] { "invbalances", "invcost", "itemcondition", "matrectrans", "matusetrans" })
        {
            Assert.All(items, i => Assert.NotEmpty(i.Children(kind)));
        }
        var transfers = items.SelectMany(i => i.Children("transfercuritem")).Select(t => t!.AsObject()).ToList();
        Assert.NotEmpty(transfers);
        Assert.All(transfers, t => Assert.Matches(@"/transfercuritem/\d+$", t.Text("localref")));
    }

    [Fact]
    public async Task AssetsSitInExistingLocationsOfTheirSiteAndWorkOrdersOnExistingAssets()
    {
        var locations = (await _http.PageAllAsync("mxapilocations", 1000, ("oslc.select", "location,siteid")))
            .Select(l => (l.Text("location"), l.Text("siteid"))).ToHashSet();
        var assets = (await _http.PageAllAsync("mxapiasset", 1000, ("oslc.select", "assetnum,siteid,location")))
            .ToDictionary(a => (a.Text("assetnum"), a.Text("siteid")));
        var orders = await _http.PageAllAsync("mxapiwodetail", 1000, ("oslc.select", "wonum,siteid,assetnum,location"));

        Assert.All(assets.Values, a => Assert.Contains((a.Text("location"), a.Text("siteid")), locations));
        Assert.All(orders.Where(o => o.Text("assetnum") is not null),
            o => Assert.Equal(assets[(o.Text("assetnum"), o.Text("siteid"))].Text("location"), o.Text("location")));
        Assert.All(orders, o => Assert.Contains((o.Text("location"), o.Text("siteid")), locations));
    }

    [Fact]
    public async Task RecordsAreWideWithCustomAttributesDatesWithOffsetsAndDescriptions()
    {
        var page = await _http.QueryAsync("mxapiasset", ("oslc.select", "*"), ("oslc.pageSize", "50"), ("_dropnulls", "0"));
        var assets = page["member"]!.AsArray().Select(a => a!.AsObject()).ToList();

        // With nulls kept: Maximo's own attributes, the add-ons', the site's own, and the inline children.
        Assert.All(assets, a => Assert.InRange(a.Count, 130, 260));
        var custom = assets[0].Select(p => p.Key).Count(k => k.StartsWith("ex_", StringComparison.Ordinal) || k.StartsWith("plusc", StringComparison.Ordinal) || k.StartsWith("ka_", StringComparison.Ordinal) || k.StartsWith("kd_", StringComparison.Ordinal));
        Assert.InRange(custom, assets[0].Count / 10, assets[0].Count / 4);
        Assert.All(assets, a => Assert.NotNull(a.Text("status_description")));
        var offsets = assets.Select(a => a.Text("changedate")![^6..]).ToHashSet();
        Assert.Equal(new HashSet<string> { "-05:00", "-04:00" }, offsets);
        Assert.All(assets, a => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$", a.Text("changedate")));
    }

    [Fact]
    public async Task TheSameSeedAndScaleGiveTheSameData()
    {
        await using var twin = await EmulatorServer.StartAsync(new EmulatorOptions { Scale = 1, Seed = 42 });
        using var http = new MaximoHttp(twin.BaseUrl, twin.Options.ApiKey);

        var mine = await _http.QueryAsync("mxapiasset", ("oslc.select", "*,assetmeter{*}"), ("oslc.pageSize", "20"));
        var theirs = await http.QueryAsync("mxapiasset", ("oslc.select", "*,assetmeter{*}"), ("oslc.pageSize", "20"));

        Assert.Equal(mine["member"]!.ToJsonString().Replace(_http.BaseUrl.Authority, "", StringComparison.Ordinal),
            theirs["member"]!.ToJsonString().Replace(twin.BaseUrl.Authority, "", StringComparison.Ordinal));
    }
}
