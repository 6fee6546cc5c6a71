using System.Net;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// A folder of saved responses, lean and namespaced, several pages per object structure.
public sealed class SavedResponsesFixture : MaximoFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-saved-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(EmulatorOptions options) => options.DataDirectory = _folder;

    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "mxapiasset.json"), """
            {"member":[
              {"assetnum":"A6002","siteid":"FLEET","assetuid":91,"status":"OPERATING","status_description":"Operating",
               "changedate":"2024-03-01T10:00:00-05:00","_rowstamp":"36654","href":"http://prod/maximo/api/os/mxapiasset/_QTYwMDIvRkxFRVQ-",
               "ex_zone":"NORTH","pluscvalue":null,
               "assetmeter":[{"metername":"RUNHOURS","assetmeterid":12,"_rowstamp":"36655","localref":"http://prod/maximo/api/os/mxapiasset/_QTYwMDIvRkxFRVQ-/int_assetmeter/0-12"}],
               "doclinks":{"href":"http://prod/x","member":[{"href":"http://prod/x/1","describedBy":{"docType":"Attachments","identifier":501,"format":{"label":"application/pdf"},"title":"Manual","ownertable":"ASSET","ownerid":91}}]},
               "downtimereport":[{"startdate":"2024-01-01T08:00:00-05:00","downtime":2.5,"localref":"http://prod/x/downtimereport/0"}]},
              {"assetnum":"A6003","siteid":"FLEET","assetuid":95,"status":"BROKEN","changedate":"2024-07-01T10:00:00-04:00","_rowstamp":"40001",
               "href":"http://prod/maximo/api/os/mxapiasset/_QTYwMDMvRkxFRVQ-"}
            ],"href":"http://prod/maximo/api/os/mxapiasset","responseInfo":{"pagenum":1}}
            """);
        await File.WriteAllTextAsync(Path.Combine(_folder, "mxapiasset-2.json"), """
            {"rdfs:member":[
              {"rdf:about":"http://prod/maximo/oslc/os/mxapiasset/_QTYwMDQvRkxFRVQ-","spi:assetnum":"A6004","spi:siteid":"FLEET","spi:assetuid":120,
               "spi:status":"OPERATING","spi:changedate":"2023-11-05T09:30:00-05:00","_rowstamp":"31000","spi:isrunning":true},
              {"rdf:about":"http://prod/maximo/oslc/os/mxapiasset/_QTYwMDMvRkxFRVQ-","spi:assetnum":"A6003","spi:siteid":"FLEET","spi:assetuid":95,
               "spi:status":"BROKEN","spi:changedate":"2024-07-01T10:00:00-04:00","_rowstamp":"40001"}
            ],"oslc:responseInfo":{"pagenum":2}}
            """);
        await File.WriteAllTextAsync(Path.Combine(_folder, "mxapilocations.json"), """
            {"rdfs:member":[{"rdf:about":"http://prod/maximo/oslc/os/mxapilocations/_QkxERzEvRkxFRVQ-","spi:location":"BLDG1","spi:siteid":"FLEET","spi:locationsid":7,"_rowstamp":"100"}]}
            """);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class DataDirectoryTests(SavedResponsesFixture fixture) : IClassFixture<SavedResponsesFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    [Fact]
    public async Task EveryPageOfSavedResponsesIsServedOnceWhateverItsForm()
    {
        var assets = await _http.PageAllAsync("mxapiasset", 2, ("oslc.select", "assetuid,assetnum"), ("oslc.orderBy", "+assetuid"));

        Assert.Equal([91L, 95L, 120L], assets.Select(a => a.Long("assetuid")));
    }

    [Fact]
    public async Task QueriesWorkOnSavedData()
    {
        var operating = await _http.CountAsync("mxapiasset", "status=\"OPERATING\"");
        var recent = await _http.CountAsync("mxapiasset", "changedate>=\"2024-01-01T00:00:00-05:00\"");
        var newest = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetnum"), ("oslc.orderBy", "-changedate"), ("oslc.pageSize", "1")))["member"]![0]!;

        Assert.Equal(2, operating);
        Assert.Equal(2, recent);
        Assert.Equal("A6003", newest["assetnum"]!.GetValue<string>());
    }

    [Fact]
    public async Task SavedChildrenDoclinksAndPositionalRowsComeBackInTheirShapes()
    {
        var asset = (await _http.QueryAsync("mxapiasset", ("oslc.select", "*,assetmeter{*},doclinks{*},downtimereport{*}"), ("oslc.where", "assetuid=91")))["member"]![0]!.AsObject();

        Assert.Equal("NORTH", asset.Text("ex_zone"));
        Assert.Equal("36654", asset.Text("_rowstamp"));
        Assert.EndsWith("/api/os/mxapiasset/_QTYwMDIvRkxFRVQ-", asset.Text("href"), StringComparison.Ordinal);
        Assert.EndsWith("/assetmeter/0-12", asset.Children("assetmeter")[0]!["localref"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("application/pdf", asset["doclinks"]!["member"]![0]!["describedBy"]!["format"]!["label"]!.GetValue<string>());
        Assert.EndsWith("/downtimereport/0", asset.Children("downtimereport")[0]!["localref"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2024-01-01T08:00:00-05:00", asset.Children("downtimereport")[0]!["startdate"]!.GetValue<string>());
    }

    [Fact]
    public async Task NamespacedFilesAreServedLeanWithoutPrefixes()
    {
        var location = (await _http.QueryAsync("mxapilocations", ("oslc.select", "*")))["member"]![0]!.AsObject();

        Assert.Equal("BLDG1", location.Text("location"));
        Assert.DoesNotContain(location, p => p.Key.StartsWith("spi:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SavedMembersAreFoundByTheirRestId()
    {
        var member = await _http.GetJsonAsync("oslc/os/mxapiasset/_QTYwMDQvRkxFRVQ-", new Dictionary<string, string?> { ["lean"] = "1" });

        Assert.Equal("A6004", member.Text("assetnum"));
        Assert.True(member["isrunning"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ObjectStructuresWithoutSavedFilesAreEmpty()
    {
        Assert.Equal(0, (int)(await _http.QueryAsync("mxapiwodetail", ("count", "1")))["totalCount"]!);
    }

    [Fact]
    public async Task ARowstampDeltaUsesTheSavedRowstamps()
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?>
        {
            ["lean"] = "1", ["fetchmodedelta"] = "1", ["lastfetchts"] = "36000", ["oslc.select"] = "assetuid",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("40001", response.Headers.GetValues("maxrowstamp").Single());
        Assert.Equal(2, (await MaximoHttp.ReadJsonAsync(response))["member"]!.AsArray().Count);
    }
}
