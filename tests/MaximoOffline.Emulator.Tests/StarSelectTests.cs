using System.Text.Json.Nodes;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// oslc.select=* as real MAS servers answer it: every attribute and, inline, every child of the
// object structure that has rows, recursively; doclinks only as a link object until asked for as
// doclinks{*}; empty children left out; no collection links unless ignorecollectionref=0 asks.
public sealed class StarSelectTests(ScaleOneFixture fixture) : IClassFixture<ScaleOneFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    private async Task<List<JsonObject>> MembersAsync(string os, bool lean, string select = "*", string pageSize = "100", string extra = "")
    {
        var body = await _http.GetJsonAsync($"api/os/{os}?lean={(lean ? 1 : 0)}&oslc.select={Uri.EscapeDataString(select)}&oslc.pageSize={pageSize}{extra}");
        return [.. body[lean ? "member" : "rdfs:member"]!.AsArray().Select(m => m!.AsObject())];
    }

    private static JsonArray Children(JsonObject record, string name, bool lean) =>
        record[lean ? name : "spi:" + name]?.AsArray() ?? [];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StarOnPersonsGivesUsersWithTheirGroupMembershipsAndGroupsInline(bool lean)
    {
        var persons = await MembersAsync("mxapiperuser", lean);

        var person = persons.First(p => Children(p, "maxuser", lean).Count > 0);
        var user = Children(person, "maxuser", lean)[0]!.AsObject();
        var membership = Children(user, "groupuser", lean)[0]!.AsObject();
        var group = Children(membership, "maxgroup", lean)[0]!.AsObject();
        Assert.NotNull(user[lean ? "userid" : "spi:userid"]);
        Assert.NotNull(group[lean ? "maxgroupid" : "spi:maxgroupid"]);
        Assert.Contains("/user/0-", user["localref"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("http://childkey#", group[lean ? "href" : "rdf:about"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StarOnDomainsGivesEveryKindOfValueAndTheValueConditionsInline(bool lean)
    {
        var domains = await MembersAsync("mxapidomain", lean, pageSize: "949");

        foreach (var child in (string[])["synonymdomain", "alndomain", "numericdomain", "maxtabledomain", "maxdomvalcond"])
        {
            Assert.Contains(domains, d => Children(d, child, lean).Count > 0);
        }
        Assert.Contains(domains, d => Children(d, "maxtabledomain", lean).Any(t => Children(t!.AsObject(), "crossoverdomain", lean).Count > 0));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StarOnInventoryGivesAllSixChildSets(bool lean)
    {
        var items = await MembersAsync("mxapiinventory", lean);

        foreach (var child in (string[])["invbalances", "invcost", "itemcondition", "matrectrans", "matusetrans", "transfercuritem"])
        {
            Assert.Contains(items, i => Children(i, child, lean).Count > 0);
        }
    }

    [Fact]
    public async Task StarOnWorkOrdersGivesTheServiceAddressInlineAndDoclinksOnlyAsALink()
    {
        var lean = await MembersAsync("mxapiwodetail", lean: true);
        var namespaced = await MembersAsync("mxapiwodetail", lean: false);

        Assert.Contains(lean, w => Children(w, "woserviceaddress", true).Count > 0);
        Assert.Contains(namespaced, w => Children(w, "woserviceaddress", false).Count > 0);
        var leanLink = lean[0]["doclinks"]!.AsObject();
        var namespacedLink = namespaced[0]["spi:doclinks"]!.AsObject();
        Assert.Equal(["href"], leanLink.Select(p => p.Key));
        Assert.EndsWith("/doclinks", leanLink["href"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["rdf:resource"], namespacedLink.Select(p => p.Key));
        Assert.EndsWith("/doclinks", namespacedLink["rdf:resource"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DoclinksComeInlineWhenAskedForByName(bool lean)
    {
        var orders = await MembersAsync("mxapiwodetail", lean, "*,doclinks{*}");

        var links = orders.Select(o => o[lean ? "doclinks" : "spi:doclinks"]!.AsObject()).ToList();
        Assert.All(links, l => Assert.NotNull(l[lean ? "member" : "rdfs:member"]));
        Assert.Contains(links, l => l[lean ? "member" : "rdfs:member"]!.AsArray().Count > 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EmptyChildCollectionsAreLeftOut(bool lean)
    {
        var assets = await MembersAsync("mxapiasset", lean, "*,assetmeter{*}");

        var keys = assets.SelectMany(a => a.Where(p => p.Value is JsonArray).Select(p => (Asset: a, p.Key, Rows: p.Value!.AsArray().Count))).ToList();
        Assert.All(keys, k => Assert.True(k.Rows > 0, $"{k.Key} is empty"));
        Assert.Contains(assets, a => Children(a, "assetmeter", lean).Count == 0 && a[lean ? "assetmeter" : "spi:assetmeter"] is null);
        Assert.DoesNotContain(assets, a => a.ContainsKey(lean ? "moddowntimehist" : "spi:moddowntimehist"));
    }

    [Fact]
    public async Task ANamedChildSelectionWinsOverWhatStarWouldGive()
    {
        var assets = await MembersAsync("mxapiasset", lean: true, "*,assetmeter{metername}");

        var meters = assets.SelectMany(a => Children(a, "assetmeter", true)).Select(m => m!.AsObject()).ToList();
        Assert.NotEmpty(meters);
        Assert.All(meters, m => Assert.Equal(new[] { "_rowstamp", "href", "localref", "metername" }, m.Select(p => p.Key).Order(StringComparer.Ordinal)));
        Assert.Contains(assets, a => Children(a, "assetspec", true).Count > 0);
    }

    [Fact]
    public async Task StarGivesNoCollectionLinksUnlessIgnorecollectionrefIsZero()
    {
        var plain = await MembersAsync("mxapiasset", lean: true);
        var linked = await MembersAsync("mxapiasset", lean: true, extra: "&ignorecollectionref=0");
        var named = await MembersAsync("mxapiasset", lean: true, "assetnum,assetmeter{*}");

        Assert.All(plain, a => Assert.DoesNotContain(a, p => p.Key.EndsWith("_collectionref", StringComparison.Ordinal)));
        Assert.All(linked, a => Assert.EndsWith("/int_assetmeter", a["assetmeter_collectionref"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(linked, a => Assert.NotNull(a["moddowntimehist_collectionref"]));
        Assert.All(linked, a => Assert.Null(a["doclinks_collectionref"]));
        Assert.All(named, a => Assert.NotNull(a["assetmeter_collectionref"]));
    }

    [Fact]
    public async Task AMemberWithoutASelectIsTheWholeRecordWithItsChildren()
    {
        var listed = (await MembersAsync("mxapiinventory", lean: true, "itemnum", "1"))[0];

        var member = await _http.GetJsonAsync(listed["href"]!.GetValue<string>().Replace(_http.BaseUrl + "/", "", StringComparison.Ordinal) + "?lean=1");

        Assert.NotNull(member["curbaltotal"]);
        Assert.NotEmpty(member["invbalances"]!.AsArray());
    }
}
