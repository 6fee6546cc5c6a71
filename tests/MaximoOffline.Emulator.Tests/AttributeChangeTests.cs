using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// POST /emulator/os/{os}/set changes attributes of chosen records as a user in Maximo would: a new
// _rowstamp and changedate (and statusdate with the status); filters, counts and deltas see the new
// values.
public sealed class AttributeChangeTests(ControlFixture fixture) : IClassFixture<ControlFixture>, IAsyncLifetime
{
    private const string Open = "status in [\"WAPPR\",\"APPR\",\"INPRG\",\"ASSIGN\",\"WMATL\"]";
    private readonly MaximoHttp _http = fixture.Maximo;

    public Task InitializeAsync() => EmulatorControl.ResetAsync(_http);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CompletedWorkOrdersLeaveTheOpenFilterAndComeBackInTheRowstampDelta()
    {
        var open = (await _http.QueryAsync("mxapiwodetail", ("oslc.where", Open), ("oslc.select", "workorderid"), ("oslc.pageSize", "5")))["member"]!
            .AsArray().Select(m => m!["workorderid"]!.GetValue<long>()).ToArray();
        var openBefore = await _http.CountAsync("mxapiwodetail", Open);
        var since = (long)(await EmulatorControl.GetAsync(_http, "state"))["rowstamp"]!;

        var changed = EmulatorControl.Ids(await EmulatorControl.PostAsync(_http, "os/mxapiwodetail/set",
            new { ids = open, set = new { status = "COMP", historyflag = true } }), "changed");
        var stillOpen = await _http.PageAllAsync("mxapiwodetail", 1000, ("oslc.where", Open), ("oslc.select", "workorderid"));
        var delta = await _http.QueryAsync("mxapiwodetail", ("fetchmodedelta", "1"), ("lastfetchts", since.ToString(CultureInfo.InvariantCulture)),
            ("oslc.select", "workorderid,status,status_description,historyflag,changedate,statusdate"));

        Assert.Equal(open.Order(), changed.Order());
        Assert.Equal(openBefore - 5, stillOpen.Count);
        Assert.DoesNotContain(stillOpen, o => open.Contains(o.Long("workorderid")));
        var rows = delta["member"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(open.Order(), rows.Select(r => r.Long("workorderid")).Order());
        Assert.All(rows, r => Assert.Equal("COMP", r.Text("status")));
        Assert.All(rows, r => Assert.Equal("Completed", r.Text("status_description")));
        Assert.All(rows, r => Assert.True(r["historyflag"]!.GetValue<bool>()));
        Assert.All(rows, r => Assert.True(r.Date("changedate") > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.All(rows, r => Assert.Equal(r.Text("changedate"), r.Text("statusdate")));
        Assert.Equal(5, await _http.CountAsync("mxapiwodetail", $"historyflag=1 and status=\"COMP\" and workorderid in [{string.Join(",", open)}]"));
    }

    [Fact]
    public async Task ValuesTakeTheTypeOfTheAttribute()
    {
        var id = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid"), ("oslc.pageSize", "1")))["member"]![0]!["assetuid"]!.GetValue<long>();

        await EmulatorControl.PostAsync(_http, "os/mxapiasset/set",
            new { ids = new[] { id }, set = new { purchaseprice = 5, installdate = "2001-02-03T04:05:06-05:00", description = "Renamed" } });
        var asset = (await _http.QueryAsync("mxapiasset", ("oslc.where", $"assetuid={id}"), ("oslc.select", "purchaseprice,installdate,description")))["member"]![0]!.AsObject();

        Assert.Equal(5.0, asset.Number("purchaseprice"));
        Assert.Equal("2001-02-03T04:05:06-05:00", asset.Text("installdate"));
        Assert.Equal(1, await _http.CountAsync("mxapiasset", "installdate<\"2001-02-04T00:00:00-05:00\" and description=\"Renamed\""));
    }

    [Theory]
    [InlineData("nosuchattribute")]
    [InlineData("assetnum")]
    [InlineData("assetuid")]
    [InlineData("changedate")]
    public async Task KeysIdsChangeDatesAndUnknownAttributesCannotBeSet(string attribute)
    {
        using var response = await _http.Client.PostAsJsonAsync(EmulatorControl.Url(_http, "os/mxapiasset/set"),
            new { count = 1, set = new Dictionary<string, object> { [attribute] = "X" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TouchingAChangedRecordKeepsItsValues()
    {
        var id = (await _http.QueryAsync("mxapilocations", ("oslc.select", "locationsid"), ("oslc.pageSize", "1")))["member"]![0]!["locationsid"]!.GetValue<long>();
        await EmulatorControl.PostAsync(_http, "os/mxapilocations/set", new { ids = new[] { id }, set = new { description = "Boiler room" } });

        await EmulatorControl.PostAsync(_http, "os/mxapilocations/touch", new { ids = new[] { id } });

        Assert.Equal(1, await _http.CountAsync("mxapilocations", $"locationsid={id} and description=\"Boiler room\""));
    }
}
