using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// POST /emulator/os/{os}/children changes one child row alone, as Maximo does when a storeroom issue
// changes an invbalances row and adds a matusetrans row, or a meter reading changes an assetmeter
// row: the row gets a new rowstamp; the parent keeps its _rowstamp and changedate, so a rowstamp
// delta does not return it.
public sealed class ChildChangeTests(ControlFixture fixture) : IClassFixture<ControlFixture>, IAsyncLifetime
{
    private readonly MaximoHttp _http = fixture.Maximo;

    public Task InitializeAsync() => EmulatorControl.ResetAsync(_http);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> RecordAsync(string os, string uniqueId, long id, string select) =>
        (await _http.QueryAsync(os, ("oslc.where", $"{uniqueId}={id}"), ("oslc.select", select)))["member"]![0]!.AsObject();

    private async Task<long> ClockAsync() => (long)(await EmulatorControl.GetAsync(_http, "state"))["rowstamp"]!;

    private async Task<int> DeltaCountAsync(string os, long since) =>
        (await _http.QueryAsync(os, ("fetchmodedelta", "1"), ("lastfetchts", since.ToString(CultureInfo.InvariantCulture)), ("oslc.select", "_rowstamp")))["member"]!.AsArray().Count;

    private static long Rowstamp(JsonNode row) => long.Parse(row["_rowstamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private async Task<long> FirstIdAsync(string os, string uniqueId, string where) =>
        (await _http.QueryAsync(os, ("oslc.where", where), ("oslc.select", uniqueId), ("oslc.pageSize", "1")))["member"]![0]![uniqueId]!.GetValue<long>();

    [Fact]
    public async Task AStoreroomIssueChangesABalanceAndAddsAnIssueWithoutTouchingTheInventoryRecord()
    {
        var id = await FirstIdAsync("mxapiinventory", "inventoryid", "siteid=\"KDFAC\"");
        var before = await RecordAsync("mxapiinventory", "inventoryid", id, "*");
        var balance = before.Children("invbalances")[0]!;
        var since = await ClockAsync();

        var updated = await EmulatorControl.PostAsync(_http, "os/mxapiinventory/children",
            new { id, child = "invbalances", action = "update", childId = balance["invbalancesid"]!.GetValue<long>(), set = new { curbal = 3 } });
        var inserted = await EmulatorControl.PostAsync(_http, "os/mxapiinventory/children",
            new { id, child = "matusetrans", action = "insert", set = new { quantity = -2, issuetype = "ISSUE" } });
        var after = await RecordAsync("mxapiinventory", "inventoryid", id, "*");

        Assert.Equal(before.Text("_rowstamp"), after.Text("_rowstamp"));
        var changed = after.Children("invbalances").Single(b => b!["invbalancesid"]!.GetValue<long>() == balance["invbalancesid"]!.GetValue<long>())!;
        Assert.Equal(3.0, changed["curbal"]!.GetValue<double>());
        Assert.True(Rowstamp(changed) > since);
        Assert.Equal((long)updated["rowstamp"]!, Rowstamp(changed));
        Assert.Equal(before.Children("matusetrans").Count + 1, after.Children("matusetrans").Count);
        var issue = after.Children("matusetrans")[^1]!;
        Assert.Equal((long)inserted["childId"]!, issue["matusetransid"]!.GetValue<long>());
        Assert.Equal(-2.0, issue["quantity"]!.GetValue<double>());
        Assert.Equal("Issue", issue["issuetype_description"]!.GetValue<string>());
        Assert.Equal(0, await DeltaCountAsync("mxapiinventory", since));
    }

    [Fact]
    public async Task AMeterReadingChangesTheMeterButNotTheAssetsRowstampOrChangedate()
    {
        var assets = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid,changedate,_rowstamp,assetmeter{*}"), ("oslc.pageSize", "50")))["member"]!.AsArray();
        var asset = assets.Select(a => a!.AsObject()).First(a => a.Children("assetmeter").Count > 0);
        var id = asset.Long("assetuid");
        var since = await ClockAsync();

        await EmulatorControl.PostAsync(_http, "os/mxapiasset/children",
            new { id, child = "assetmeter", action = "update", position = 0, set = new { lastreading = "1234.50", lastreadingdate = "2025-07-01T08:00:00-04:00" } });
        var after = await RecordAsync("mxapiasset", "assetuid", id, "assetuid,changedate,_rowstamp,assetmeter{*}");

        Assert.Equal(asset.Text("_rowstamp"), after.Text("_rowstamp"));
        Assert.Equal(asset.Text("changedate"), after.Text("changedate"));
        var meter = after.Children("assetmeter")[0]!;
        Assert.Equal("1234.50", meter["lastreading"]!.GetValue<string>());
        Assert.Equal("2025-07-01T08:00:00-04:00", meter["lastreadingdate"]!.GetValue<string>());
        Assert.True(Rowstamp(meter) > since);
        Assert.Equal(0, await DeltaCountAsync("mxapiasset", since));
    }

    [Fact]
    public async Task ALabourTransactionIsAddedToAWorkOrderAloneAndADeletedRowDisappears()
    {
        var orders = (await _http.QueryAsync("mxapiwodetail", ("oslc.select", "workorderid,changedate,_rowstamp,labtrans{*}"), ("oslc.pageSize", "100")))["member"]!.AsArray();
        var order = orders.Select(o => o!.AsObject()).First(o => o.Children("labtrans").Count >= 2);
        var id = order.Long("workorderid");
        var since = await ClockAsync();
        var gone = order.Children("labtrans")[0]!["labtransid"]!.GetValue<long>();

        await EmulatorControl.PostAsync(_http, "os/mxapiwodetail/children", new { id, child = "labtrans", action = "insert", set = new { regularhrs = 2.5 } });
        await EmulatorControl.PostAsync(_http, "os/mxapiwodetail/children", new { id, child = "labtrans", action = "delete", childId = gone });
        var after = await RecordAsync("mxapiwodetail", "workorderid", id, "workorderid,changedate,_rowstamp,labtrans{*}");

        Assert.Equal(order.Text("_rowstamp"), after.Text("_rowstamp"));
        Assert.Equal(order.Text("changedate"), after.Text("changedate"));
        var rows = after.Children("labtrans");
        Assert.Equal(order.Children("labtrans").Count, rows.Count);
        Assert.DoesNotContain(rows, r => r!["labtransid"]!.GetValue<long>() == gone);
        Assert.Equal(2.5, rows[^1]!["regularhrs"]!.GetValue<double>());
        Assert.Equal(order.Children("labtrans")[1]!.ToJsonString().Replace("/1-", "/0-", StringComparison.Ordinal), rows[0]!.ToJsonString());
        Assert.Equal(0, await DeltaCountAsync("mxapiwodetail", since));
    }

    [Fact]
    public async Task AChildWithoutAUniqueIdIsChangedByPosition()
    {
        var items = (await _http.QueryAsync("mxapiinventory", ("oslc.select", "inventoryid,transfercuritem{*}"), ("oslc.pageSize", "100")))["member"]!.AsArray();
        var item = items.Select(i => i!.AsObject()).First(i => i.Children("transfercuritem").Count > 0);

        var change = await EmulatorControl.PostAsync(_http, "os/mxapiinventory/children",
            new { id = item.Long("inventoryid"), child = "transfercuritem", action = "update", position = 0, set = new { quantity = 7 } });
        var after = await RecordAsync("mxapiinventory", "inventoryid", item.Long("inventoryid"), "inventoryid,transfercuritem{*}");

        Assert.Null(change["childId"]);
        Assert.Equal(7.0, after.Children("transfercuritem")[0]!["quantity"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("nosuchchild", "update")]
    [InlineData("doclinks", "update")]
    [InlineData("invbalances", "explode")]
    public async Task ChildChangesTheEmulatorCannotMakeAreRefused(string child, string action)
    {
        var id = await FirstIdAsync("mxapiinventory", "inventoryid", "siteid=\"KDFAC\"");

        using var response = await _http.Client.PostAsJsonAsync(EmulatorControl.Url(_http, "os/mxapiinventory/children"), new { id, child, action });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AChangeToAChildOfAnUnknownRecordIs404()
    {
        using var response = await _http.Client.PostAsJsonAsync(EmulatorControl.Url(_http, "os/mxapiinventory/children"),
            new { id = 1, child = "invbalances", action = "update", set = new { curbal = 1 } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ResetUndoesChildChanges()
    {
        var id = await FirstIdAsync("mxapiinventory", "inventoryid", "siteid=\"KDFAC\"");
        var before = await RecordAsync("mxapiinventory", "inventoryid", id, "invbalances{*}");
        await EmulatorControl.PostAsync(_http, "os/mxapiinventory/children", new { id, child = "invbalances", action = "delete" });

        await EmulatorControl.ResetAsync(_http);

        Assert.Equal(before.ToJsonString(), (await RecordAsync("mxapiinventory", "inventoryid", id, "invbalances{*}")).ToJsonString());
    }
}
