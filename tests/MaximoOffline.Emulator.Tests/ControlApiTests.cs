using System.Globalization;
using System.Net;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// Data changes through /emulator/... and what a client then sees: changedate and rowstamp deltas,
// inserts, deletes and new attributes. Each test starts from a reset.
public sealed class ControlApiTests(ControlFixture fixture) : IClassFixture<ControlFixture>, IAsyncLifetime
{
    private readonly MaximoHttp _http = fixture.Maximo;

    public Task InitializeAsync() => EmulatorControl.ResetAsync(_http);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Count, long? MaxRowstamp, long[] Ids)> DeltaAsync(string os, string uniqueId, long since)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, $"api/os/{os}", new Dictionary<string, string?>
        {
            ["lean"] = "1", ["fetchmodedelta"] = "1", ["lastfetchts"] = since.ToString(CultureInfo.InvariantCulture),
            ["oslc.select"] = uniqueId, ["oslc.pageSize"] = "1000",
        });
        response.EnsureSuccessStatusCode();
        var body = await MaximoHttp.ReadJsonAsync(response);
        var ids = body["member"]!.AsArray().Select(m => m![uniqueId]!.GetValue<long>()).ToArray();
        long? max = response.Headers.TryGetValues("maxrowstamp", out var values) ? long.Parse(values.Single(), CultureInfo.InvariantCulture) : null;
        return (ids.Length, max, ids);
    }

    [Fact]
    public async Task StateSummarisesCountsOriginAndFaults()
    {
        var state = await EmulatorControl.GetAsync(_http, "state");

        Assert.Equal(650, (int)state["objectStructures"]!["MXAPIASSET"]!["count"]!);
        Assert.Equal(949, (int)state["objectStructures"]!["MXAPIDOMAIN"]!["count"]!);
        Assert.Empty(state["faults"]!.AsArray());
        Assert.Contains("generated", state["origin"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowstampDeltaWithNothingChangedIsEmptyAndHasNoMaxrowstampHeader()
    {
        var now = (long)(await EmulatorControl.GetAsync(_http, "state"))["rowstamp"]!;

        var delta = await DeltaAsync("mxapiasset", "assetuid", now);

        Assert.Equal(0, delta.Count);
        Assert.Null(delta.MaxRowstamp);
    }

    [Fact]
    public async Task ARowstampDeltaFromZeroReturnsEverythingWithTheHighestRowstamp()
    {
        var delta = await DeltaAsync("mxapilocations", "locationsid", 0);

        Assert.Equal(228, delta.Count);
        Assert.NotNull(delta.MaxRowstamp);
    }

    [Fact]
    public async Task TouchedRecordsGetANewChangedateAndRowstampThatDeltasFind()
    {
        var before = (long)(await EmulatorControl.GetAsync(_http, "state"))["rowstamp"]!;

        var touched = EmulatorControl.Ids(await EmulatorControl.PostAsync(_http, "os/mxapiasset/touch", new { count = 5 }), "touched");
        var delta = await DeltaAsync("mxapiasset", "assetuid", before);
        var recent = await _http.PageAllAsync("mxapiasset", 100, ("oslc.select", "assetuid,changedate,_rowstamp"),
            ("oslc.where", $"changedate>=\"{DateTimeOffset.UtcNow.AddMinutes(-5):yyyy-MM-ddTHH:mm:ss}+00:00\""));

        Assert.Equal(5, touched.Length);
        Assert.Equal(touched.Order(), delta.Ids.Order());
        Assert.Equal(touched.Order(), recent.Select(r => r.Long("assetuid")).Order());
        Assert.Equal(recent.Max(r => long.Parse(r.Text("_rowstamp")!, CultureInfo.InvariantCulture)), delta.MaxRowstamp);
    }

    [Fact]
    public async Task TouchingAPersonIsSeenByTheRowstampDeltaOfThatObjectStructureOnly()
    {
        var before = (long)(await EmulatorControl.GetAsync(_http, "state"))["rowstamp"]!;

        await EmulatorControl.PostAsync(_http, "os/mxapiperuser/touch", new { count = 2 });

        Assert.Equal(2, (await DeltaAsync("mxapiperuser", "personuid", before)).Count);
        Assert.Equal(0, (await DeltaAsync("mxapiinventory", "inventoryid", before)).Count);
    }

    [Fact]
    public async Task InsertedRecordsGetIdsAboveEveryOtherAndAreServedAsMembers()
    {
        var highest = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid"), ("oslc.orderBy", "-assetuid"), ("oslc.pageSize", "1")))["member"]![0]!.AsObject().Long("assetuid");

        var inserted = EmulatorControl.Ids(await EmulatorControl.PostAsync(_http, "os/mxapiasset/insert", new { count = 3 }), "inserted");
        var page = await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid,assetnum,siteid"), ("oslc.where", $"assetuid>{highest}"));

        Assert.All(inserted, id => Assert.True(id > highest));
        var members = page["member"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(inserted, members.Select(m => m.Long("assetuid")));
        Assert.Equal(653, await _http.CountAsync("mxapiasset", "assetuid>0"));
        using var member = await _http.SendAsync(HttpMethod.Get, "", configure: r => r.RequestUri = new Uri(members[0].Text("href")! + "?lean=1"));
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
    }

    [Fact]
    public async Task DeletedRecordsLeaveCollectionsAndMembers()
    {
        var first = (await _http.QueryAsync("mxapilocations", ("oslc.select", "locationsid"), ("oslc.pageSize", "2")))["member"]!.AsArray()
            .Select(m => m!.AsObject()).ToList();

        var deleted = EmulatorControl.Ids(await EmulatorControl.PostAsync(_http, "os/mxapilocations/delete", new { ids = first.Select(f => f.Long("locationsid")).ToArray() }), "deleted");
        var remaining = await _http.PageAllAsync("mxapilocations", 1000, ("oslc.select", "locationsid"));
        using var member = await _http.SendAsync(HttpMethod.Get, "", configure: r => r.RequestUri = new Uri(first[0].Text("href")! + "?lean=1"));

        Assert.Equal(2, deleted.Length);
        Assert.Equal(226, remaining.Count);
        Assert.DoesNotContain(remaining, r => deleted.Contains(r.Long("locationsid")));
        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
    }

    [Fact]
    public async Task DeletingACountRemovesThatManyRecords()
    {
        await EmulatorControl.PostAsync(_http, "os/mxapiwodetail/delete", new { count = 10 });

        Assert.Equal(1190, (int)(await _http.QueryAsync("mxapiwodetail", ("count", "1")))["totalCount"]!);
    }

    [Fact]
    public async Task AnAddedAttributeAppearsOnEveryRecordAndCanBeFilteredOn()
    {
        await EmulatorControl.PostAsync(_http, "os/mxapiinventory/attributes", new { name = "ex_newfield", value = "BLUE" });

        var items = await _http.PageAllAsync("mxapiinventory", 1000, ("oslc.select", "*"));

        Assert.All(items, i => Assert.Equal("BLUE", i.Text("ex_newfield")));
        Assert.Equal(items.Count, await _http.CountAsync("mxapiinventory", "ex_newfield=\"BLUE\""));
    }

    [Fact]
    public async Task ResetRestoresTheGeneratedData()
    {
        await EmulatorControl.PostAsync(_http, "os/mxapiasset/delete", new { count = 50 });

        await EmulatorControl.ResetAsync(_http);

        Assert.Equal(650, (int)(await _http.QueryAsync("mxapiasset", ("count", "1")))["totalCount"]!);
    }

    [Fact]
    public async Task AnUnknownObjectStructureIs404()
    {
        using var response = await _http.Client.PostAsync(EmulatorControl.Url(_http, "os/mxapinothing/touch"), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheControlApiIsAbsentUnlessEnabled()
    {
        await using var plain = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var http = new MaximoHttp(plain.BaseUrl, plain.Options.ApiKey);

        using var response = await http.Client.GetAsync(EmulatorControl.Url(http, "state"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
