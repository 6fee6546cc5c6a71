using System.Net;
using System.Text;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// Lean and namespaced bodies, both roots, rest ids, members, nulls and Maximo's odd shapes.
public sealed class JsonFormTests(ScaleOneFixture fixture) : IClassFixture<ScaleOneFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    [Fact]
    public async Task WithoutLeanTheBodyIsNamespacedWithMaximosMixedNames()
    {
        var body = await _http.GetJsonAsync("oslc/os/mxapiasset", new Dictionary<string, string?>
        {
            ["oslc.select"] = "assetnum,status,assetmeter{metername}", ["oslc.pageSize"] = "2", ["collectioncount"] = "1",
        });

        var member = body["rdfs:member"]![0]!.AsObject();
        Assert.StartsWith(_http.BaseUrl + "/oslc/os/mxapiasset/_", member["rdf:about"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(member["spi:assetnum"]);
        Assert.NotNull(member["spi:status_description"]);
        Assert.NotNull(member["_rowstamp"]);
        Assert.Null(member["assetnum"]);
        var info = body["oslc:responseInfo"]!.AsObject();
        Assert.NotNull(info["oslc:totalCount"]);
        Assert.NotNull(info["totalPages"]);
        Assert.NotNull(info["pagenum"]);
        Assert.NotNull(info["oslc:nextPage"]!["rdf:resource"]);
        Assert.NotNull(body["rdf:about"]);
    }

    [Fact]
    public async Task LeanBodiesUsePlainNames()
    {
        var body = await _http.QueryAsync("mxapiasset", ("oslc.select", "assetnum"), ("oslc.pageSize", "2"));

        Assert.NotNull(body["member"]);
        Assert.NotNull(body["responseInfo"]!["nextPage"]!["href"]);
        Assert.EndsWith("/api/os/mxapiasset", body["href"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothRootsServeTheSameRecords()
    {
        var api = await _http.GetJsonAsync("api/os/mxapilocations", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.select"] = "*", ["oslc.pageSize"] = "10" });
        var oslc = await _http.GetJsonAsync("oslc/os/mxapilocations", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.select"] = "*", ["oslc.pageSize"] = "10" });

        Assert.Equal(api["member"]!.ToJsonString().Replace("/api/", "/", StringComparison.Ordinal), oslc["member"]!.ToJsonString().Replace("/oslc/", "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestIdsAreBase64OfTheNaturalKeyAndServeTheMember()
    {
        var listed = (await _http.QueryAsync("mxapiwodetail", ("oslc.select", "wonum,siteid,description"), ("oslc.pageSize", "1"), ("pageno", "7")))["member"]![0]!.AsObject();
        var href = listed.Text("href")!;
        var restId = href[(href.LastIndexOf('/') + 1)..];

        var member = await _http.GetJsonAsync($"api/os/mxapiwodetail/{restId}", new Dictionary<string, string?> { ["lean"] = "1" });

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(restId[1..].Replace('-', '=').Replace('_', '/')));
        Assert.Equal($"{listed.Text("siteid")}/{listed.Text("wonum")}", decoded);
        Assert.Equal(listed.Text("description"), member.Text("description"));
        Assert.Equal(href, member.Text("href"));
        Assert.True(member.Count > 100);
    }

    [Fact]
    public async Task ANamespacedMemberCarriesRdfAboutAndPrefixedAttributes()
    {
        var listed = await _http.QueryAsync("mxapiinventory", ("oslc.pageSize", "1"));
        var href = listed["member"]![0]!["href"]!.GetValue<string>();

        var member = await _http.GetJsonAsync(href.Replace(_http.BaseUrl.ToString(), "", StringComparison.Ordinal), new Dictionary<string, string?> { ["oslc.select"] = "itemnum,invbalances{*}" });

        Assert.Equal(href, member["rdf:about"]!.GetValue<string>());
        Assert.NotNull(member["spi:itemnum"]);
        Assert.NotEmpty(member["spi:invbalances"]!.AsArray());
    }

    [Fact]
    public async Task RelativeUriDropsSchemeAndHostFromHrefs()
    {
        var page = await _http.QueryAsync("mxapiasset", ("oslc.pageSize", "1"), ("relativeuri", "1"));

        Assert.StartsWith("/maximo/api/os/mxapiasset/_", page["member"]![0]!["href"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownMemberIs404WithBmxaa8727e()
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset/_Tk9QRS9LREZBQw--", new Dictionary<string, string?> { ["lean"] = "1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("BMXAA8727E", (await MaximoHttp.ReadJsonAsync(response))["Error"]!["reasonCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task NullsAreDroppedUnlessAskedForButSomeArriveAsExplicitNullsAnyway()
    {
        var dropped = (await _http.QueryAsync("mxapiasset", ("oslc.select", "*"), ("oslc.pageSize", "1")))["member"]![0]!.AsObject();
        var kept = (await _http.QueryAsync("mxapiasset", ("oslc.select", "*"), ("oslc.pageSize", "1"), ("_dropnulls", "0")))["member"]![0]!.AsObject();

        Assert.True(kept.Count > dropped.Count);
        Assert.Contains(dropped, p => p.Value is null);
        Assert.True(kept.Count(p => p.Value is null) > dropped.Count(p => p.Value is null));
    }

    [Fact]
    public async Task DoclinksIsAnObjectWithMembersDescribedBy()
    {
        var members = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid,doclinks{*}"), ("oslc.pageSize", "20")))["member"]!.AsArray().Select(m => m!.AsObject());

        var asset = members.First(m => m["doclinks"]?["member"]?.AsArray().Count > 0);
        var link = asset["doclinks"]!["member"]![0]!.AsObject();
        var described = link["describedBy"]!.AsObject();
        Assert.Equal("ASSET", described.Text("ownertable"));
        Assert.Equal(asset.Long("assetuid"), described.Long("ownerid"));
        Assert.NotNull(described["format"]!["label"]);
        Assert.EndsWith($"/doclinks/0-{described.Text("identifier")}", link.Text("localref"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DowntimeReportsHaveOnlyAPositionalLocalref()
    {
        var members = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetnum,downtimereport{*}"), ("oslc.pageSize", "50")))["member"]!.AsArray();

        var reports = members.SelectMany(m => m!.AsObject().Children("downtimereport")).Select(r => r!.AsObject()).ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Matches(@"/downtimereport/\d+$", r.Text("localref")));
        Assert.All(reports, r => Assert.DoesNotContain(r, p => p.Key.EndsWith("id", StringComparison.Ordinal) && p.Key is not ("siteid" or "orgid")));
    }

    [Fact]
    public async Task SomeChildFlagsArriveAsStringsWhileRootFlagsAreBooleans()
    {
        var member = (await _http.QueryAsync("mxapiasset", ("oslc.select", "isrunning,assetmeter{active}"), ("oslc.pageSize", "20")))["member"]!.AsArray()
            .Select(m => m!.AsObject()).First(m => m.Children("assetmeter").Count > 0);

        Assert.Contains(member["isrunning"]!.GetValueKind(), new[] { System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False });
        Assert.Contains(member.Children("assetmeter")[0]!["active"]!.GetValue<string>(), new[] { "0", "1" });
    }

    [Fact]
    public async Task IgnoreCollectionRefDropsTheChildLinks()
    {
        var member = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetnum"), ("oslc.pageSize", "1"), ("ignorecollectionref", "1")))["member"]![0]!.AsObject();

        Assert.DoesNotContain(member, p => p.Key.EndsWith("_collectionref", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonSchemasDescribeAttributesAndChildrenWithTheirTypes()
    {
        var schema = await _http.GetJsonAsync("api/jsonschemas/mxapiasset");

        var properties = schema["properties"]!.AsObject();
        Assert.Equal("integer", properties["assetuid"]!["type"]!.GetValue<string>());
        Assert.Equal("DATETIME", properties["changedate"]!["subType"]!.GetValue<string>());
        Assert.Equal("array", properties["assetmeter"]!["type"]!.GetValue<string>());
        Assert.Equal(["assetnum", "siteid"], schema["pk"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public async Task UnknownResourcesAnswerMaximos404Body()
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/nosuchthing", new Dictionary<string, string?> { ["lean"] = "1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull((await MaximoHttp.ReadJsonAsync(response))["Error"]);
    }
}
