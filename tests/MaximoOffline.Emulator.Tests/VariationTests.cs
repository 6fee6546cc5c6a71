using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

public sealed class VariationsFixture : MaximoFixture
{
    protected override int Seed => 5;
}

// The ways real servers differ, switched on through POST /emulator/variations (each test starts
// from a reset, which restores the startup flags). The defaults are the well-behaved server.
public sealed class VariationTests(VariationsFixture fixture) : IClassFixture<VariationsFixture>, IAsyncLifetime
{
    private readonly MaximoHttp _http = fixture.Maximo;

    public Task InitializeAsync() => EmulatorControl.ResetAsync(_http);

    public Task DisposeAsync() => EmulatorControl.ResetAsync(_http);

    private Task<JsonObject> VaryAsync(object variations) => EmulatorControl.PostAsync(_http, "variations", variations);

    private async Task<long> ClockAsync() => (long)(await EmulatorControl.GetAsync(_http, "state"))["rowstamp"]!;

    private async Task<List<long>> IdsAsync(string orderBy, params (string Key, string Value)[] extra)
    {
        var page = await _http.QueryAsync("mxapiasset", [("oslc.select", "assetuid"), ("oslc.orderBy", orderBy), ("oslc.pageSize", "1000"), .. extra]);
        return [.. page["member"]!.AsArray().Select(m => m!["assetuid"]!.GetValue<long>())];
    }

    [Fact]
    public async Task TheDefaultsAreTheWellBehavedServer()
    {
        var variations = (await EmulatorControl.GetAsync(_http, "state"))["variations"]!;

        Assert.Equal("set", variations["maxrowstamp"]!.GetValue<string>());
        Assert.False(variations["ignoreOrder"]!.GetValue<bool>());
        Assert.Equal("ignore", variations["unknownChild"]!.GetValue<string>());
        Assert.Equal(1000, variations["maxPageSize"]!.GetValue<int>());
        Assert.Null(variations["gatewayTimeout"]);
        Assert.False(variations["mas"]!.GetValue<bool>());
        Assert.Equal("number", variations["rowstampFormat"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("set")]
    [InlineData("page")]
    public async Task MaxrowstampIsTheMaximumOverEveryMatchOrOverThePageServed(string scope)
    {
        await VaryAsync(new { maxrowstamp = scope });
        var since = await ClockAsync();
        var touched = EmulatorControl.Ids(await EmulatorControl.PostAsync(_http, "os/mxapiasset/touch", new { count = 5 }), "touched");

        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?>
        {
            ["lean"] = "1", ["fetchmodedelta"] = "1", ["lastfetchts"] = since.ToString(CultureInfo.InvariantCulture),
            ["oslc.select"] = "assetuid,_rowstamp", ["oslc.orderBy"] = "+assetuid", ["oslc.pageSize"] = "2",
        });
        var page = (await MaximoHttp.ReadJsonAsync(response))["member"]!.AsArray().Select(m => long.Parse(m!["_rowstamp"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        var header = long.Parse(response.Headers.GetValues("maxrowstamp").Single(), CultureInfo.InvariantCulture);

        Assert.Equal(5, touched.Length);
        Assert.Equal(2, page.Count);
        Assert.Equal(since + 2, page.Max());
        Assert.Equal(scope == "set" ? since + 5 : since + 2, header);
    }

    [Fact]
    public async Task AnIgnoredOrderServesStorageOrderWhateverTheOrderByAndPagesStillCoverEveryRecordOnce()
    {
        var honoured = await IdsAsync("+assetuid");
        await VaryAsync(new { ignoreOrder = true });

        var ascending = await IdsAsync("+assetuid");
        var descending = await IdsAsync("-assetuid");
        var byChangeDate = await IdsAsync("-changedate");
        var delta = await IdsAsync("+assetuid", ("fetchmodedelta", "1"), ("lastfetchts", "0"));
        var paged = await _http.PageAllAsync("mxapiasset", 97, ("oslc.select", "assetuid"), ("oslc.orderBy", "+assetuid"));

        Assert.Equal(honoured.Order(), honoured);
        Assert.NotEqual(honoured, ascending);
        Assert.Equal(honoured, ascending.Order());
        Assert.Equal(ascending, descending);
        Assert.Equal(ascending, byChangeDate);
        Assert.Equal(ascending, delta);
        Assert.Equal(ascending, paged.Select(p => p.Long("assetuid")));
    }

    [Fact]
    public async Task AKeysetClientMissesRecordsWhenTheOrderIsIgnored()
    {
        var honoured = await IdsAsync("+assetuid", ("oslc.pageSize", "200"));
        await VaryAsync(new { ignoreOrder = true });

        var first = await IdsAsync("+assetuid", ("oslc.pageSize", "100"));
        var next = await IdsAsync("+assetuid", ("oslc.pageSize", "100"), ("oslc.where", $"assetuid>{first[^1]}"));

        Assert.NotEqual(first.Max(), first[^1]);
        Assert.NotEqual(honoured, first.Concat(next).Order().ToList());
    }

    [Theory]
    [InlineData("ignore", HttpStatusCode.OK)]
    [InlineData("reject", HttpStatusCode.BadRequest)]
    public async Task AnUnknownChildInTheSelectIsSkippedOrRefused(string policy, HttpStatusCode expected)
    {
        await VaryAsync(new { unknownChild = policy });

        using var top = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.select"] = "assetnum,nosuchchild{*}" });
        using var nested = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiperuser", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.select"] = "personid,maxuser{*,groupuser{*,nosuch{*}}}" });
        using var known = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiperuser", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.select"] = "personid,maxuser{*,groupuser{*,maxgroup{*}}}" });
        var href = (await _http.QueryAsync("mxapiasset", ("oslc.pageSize", "1")))["member"]![0]!["href"]!.GetValue<string>();
        using var member = await _http.SendAsync(HttpMethod.Get, "", configure: r => r.RequestUri = new Uri(href + "?lean=1&oslc.select=assetnum,nosuchchild{*}"));

        Assert.Equal(expected, top.StatusCode);
        Assert.Equal(expected, nested.StatusCode);
        Assert.Equal(expected, member.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("BMXAA8744E", (await MaximoHttp.ReadJsonAsync(top))["Error"]!["reasonCode"]!.GetValue<string>());
        }
        else
        {
            Assert.DoesNotContain((await MaximoHttp.ReadJsonAsync(top))["member"]![0]!.AsObject(), p => p.Key == "nosuchchild");
        }
    }

    [Fact]
    public async Task TheMaximumPageSizeCanBeLoweredAtRunTime()
    {
        await VaryAsync(new { maxPageSize = 50 });

        using var over = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.pageSize"] = "51" });
        var unasked = await _http.QueryAsync("mxapiasset", ("oslc.select", "assetnum"));

        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal(50, unasked["member"]!.AsArray().Count);
    }

    [Fact]
    public async Task APageThatCostsMoreThanTheGatewayTimeoutIsA504HtmlPageAtTheTimeout()
    {
        await VaryAsync(new { gatewayTimeout = 0.5, recordCostMs = 1 });

        var clock = Stopwatch.StartNew();
        using var heavy = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?>
        {
            ["lean"] = "1", ["oslc.select"] = "*,assetspec{*}", ["oslc.pageSize"] = "200",
        });
        var heavyTime = clock.Elapsed;
        clock.Restart();
        using var light = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?>
        {
            ["lean"] = "1", ["oslc.select"] = "assetnum", ["oslc.pageSize"] = "100",
        });
        var lightTime = clock.Elapsed;

        Assert.Equal(HttpStatusCode.GatewayTimeout, heavy.StatusCode);
        Assert.Equal("text/html", heavy.Content.Headers.ContentType?.MediaType);
        Assert.Contains("504 Gateway Time-out", await heavy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(heavyTime, TimeSpan.FromSeconds(0.45), TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, light.StatusCode);
        Assert.InRange(lightTime, TimeSpan.FromMilliseconds(95), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task MasRedirectsLoginAndOslcToItsOidcPageAndTakesOnlyApiKeysOnApi()
    {
        await VaryAsync(new { mas = true });
        var maxauth = Convert.ToBase64String(Encoding.UTF8.GetBytes("maxadmin:maxadmin"));

        using var login = await _http.SendAsync(HttpMethod.Post, "oslc/login", withKey: false, configure: r => r.Headers.Add("maxauth", maxauth));
        using var basic = await _http.SendAsync(HttpMethod.Post, "api/login", withKey: false,
            configure: r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", maxauth));
        using var oslc = await _http.SendAsync(HttpMethod.Get, "oslc/os/mxapiasset");
        using var passwordOnApi = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", withKey: false, configure: r => r.Headers.Add("maxauth", maxauth));
        using var keyOnApi = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1", ["oslc.pageSize"] = "1" });
        using var page = await _http.Client.GetAsync(login.Headers.Location);

        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal(HttpStatusCode.Found, basic.StatusCode);
        Assert.Equal(HttpStatusCode.Found, oslc.StatusCode);
        Assert.Contains("/oidc/endpoint/MaximoAppSuite/authorize", login.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyOnApi.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByteArrayRowstampsAreUsedForEveryRowstampAndTheHeaderWhileLastfetchtsTakesTheNumber()
    {
        await VaryAsync(new { rowstampFormat = "bytes" });
        var since = await ClockAsync();
        await EmulatorControl.PostAsync(_http, "os/mxapiasset/touch", new { count = 3 });

        var page = await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid,assetmeter{*}"), ("oslc.pageSize", "30"));
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?>
        {
            ["lean"] = "1", ["fetchmodedelta"] = "1", ["lastfetchts"] = since.ToString(CultureInfo.InvariantCulture), ["oslc.select"] = "assetuid",
        });
        var delta = (await MaximoHttp.ReadJsonAsync(response))["member"]!.AsArray().Select(m => m!.AsObject()).ToList();

        const string bytes = @"^\[(-?\d{1,3} ){7}-?\d{1,3}\]$";
        var members = page["member"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.All(members, m => Assert.Matches(bytes, m.Text("_rowstamp")));
        Assert.All(members.SelectMany(m => m.Children("assetmeter")), c => Assert.Matches(bytes, c!["_rowstamp"]!.GetValue<string>()));
        Assert.Equal(3, delta.Count);
        var header = response.Headers.GetValues("maxrowstamp").Single();
        Assert.Matches(bytes, header);
        Assert.Equal(since + 3, header.Trim('[', ']').Split(' ').Aggregate(0L, (value, b) => (value << 8) | (byte)sbyte.Parse(b, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task VariationsShowInStateAndResetRestoresTheStartupOnes()
    {
        await VaryAsync(new Dictionary<string, object> { ["ignore-order"] = true, ["rowstampFormat"] = "bytes", ["gatewayTimeout"] = 30, ["recordCostMs"] = 0.5 });
        var changed = (await EmulatorControl.GetAsync(_http, "state"))["variations"]!;

        await EmulatorControl.ResetAsync(_http);
        var restored = (await EmulatorControl.GetAsync(_http, "state"))["variations"]!;

        Assert.True(changed["ignoreOrder"]!.GetValue<bool>());
        Assert.Equal("bytes", changed["rowstampFormat"]!.GetValue<string>());
        Assert.Equal(30, changed["gatewayTimeout"]!.GetValue<double>());
        Assert.Equal(0.5, changed["recordCostMs"]!.GetValue<double>());
        Assert.False(restored["ignoreOrder"]!.GetValue<bool>());
        Assert.Equal("number", restored["rowstampFormat"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"nosuchvariation": true}""")]
    [InlineData("""{"maxrowstamp": "sometimes"}""")]
    [InlineData("""{"ignoreOrder": "yes"}""")]
    [InlineData("""{"maxPageSize": 0}""")]
    public async Task UnknownVariationsAndValuesAreRefused(string body)
    {
        using var response = await _http.Client.PostAsync(EmulatorControl.Url(_http, "variations"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task StartupOptionsSetTheVariations()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ControlApiEnabled = true, MaxRowstamp = MaxRowstampScope.Page, IgnoreOrder = true, UnknownChild = UnknownChildPolicy.Reject,
            MaxPageSize = 200, GatewayTimeout = TimeSpan.FromSeconds(30), RecordCost = TimeSpan.FromMilliseconds(2), Mas = true,
            RowstampFormat = RowstampFormat.Bytes,
        });
        using var http = new MaximoHttp(server.BaseUrl, server.Options.ApiKey);

        var variations = (await EmulatorControl.GetAsync(http, "state"))["variations"]!;

        Assert.Equal("page", variations["maxrowstamp"]!.GetValue<string>());
        Assert.True(variations["ignoreOrder"]!.GetValue<bool>());
        Assert.Equal("reject", variations["unknownChild"]!.GetValue<string>());
        Assert.Equal(200, variations["maxPageSize"]!.GetValue<int>());
        Assert.Equal(30, variations["gatewayTimeout"]!.GetValue<double>());
        Assert.Equal(2, variations["recordCostMs"]!.GetValue<double>());
        Assert.True(variations["mas"]!.GetValue<bool>());
        Assert.Equal("bytes", variations["rowstampFormat"]!.GetValue<string>());
    }

    [Fact]
    public void TheCommandLineTakesEveryVariation()
    {
        var options = CommandLine.Parse(["--maxrowstamp", "page", "--ignore-order", "--unknown-child=reject", "--max-page-size", "200",
            "--gateway-timeout", "0.5", "--record-cost-ms", "1.5", "--mas", "--rowstamp-format", "bytes", "--stable-paging-timeout", "60"]).Options;

        Assert.Equal(MaxRowstampScope.Page, options.MaxRowstamp);
        Assert.True(options.IgnoreOrder);
        Assert.Equal(UnknownChildPolicy.Reject, options.UnknownChild);
        Assert.Equal(200, options.MaxPageSize);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.GatewayTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1.5), options.RecordCost);
        Assert.True(options.Mas);
        Assert.Equal(RowstampFormat.Bytes, options.RowstampFormat);
        Assert.Equal(TimeSpan.FromMinutes(1), options.StablePagingIdleTimeout);
    }

    [Theory]
    [InlineData("--maxrowstamp", "sometimes")]
    [InlineData("--unknown-child", "1")]
    [InlineData("--rowstamp-format", "hex")]
    [InlineData("--gateway-timeout", "-1")]
    [InlineData("--record-cost-ms", "soon")]
    public void TheCommandLineRefusesBadVariationValues(string flag, string value)
    {
        Assert.Throws<FormatException>(() => CommandLine.Parse([flag, value]));
    }
}
