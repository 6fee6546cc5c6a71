using System.Text.Json;

namespace MaximoOffline.Cli.Tests;

/// <summary><c>doctor</c> against the well-behaved emulator: run once as JSON and once as tables, then held up against the emulator.</summary>
public sealed class DoctorTests(DoctorTests.Checked maximo) : IClassFixture<DoctorTests.Checked>
{
    public sealed class Checked : CliFixture
    {
        public ProcessResult Json { get; private set; } = null!;

        public ProcessResult Tables { get; private set; } = null!;

        public JsonElement Report { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var json = RunAsync(Settings(), "doctor", "--json");
            var tables = RunAsync(Settings(), "doctor");
            (Json, Tables) = (await json, await tables);
            Report = JsonDocument.Parse(Json.Stdout).RootElement.Clone();
        }

        public JsonElement Endpoint(string slug) => Report.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("slug").GetString() == slug);
    }

    // Each endpoint's object structure, its default filter for site KDFAC and its children in the
    // replica's catalog, written out here rather than taken from the product.
    public static TheoryData<string, string, string?, string[]> Endpoints => new()
    {
        { "domain", "MXAPIDOMAIN", null, ["alndomain", "maxtabledomain", "maxtabledomain/crossoverdomain", "numericdomain", "synonymdomain"] },
        { "peruser", "MXAPIPERUSER", null, ["maxuser", "maxuser/groupuser", "maxuser/groupuser/maxgroup"] },
        { "locations", "MXAPILOCATIONS", "siteid=\"KDFAC\"", [] },
        { "assets", "MXAPIASSET", "siteid=\"KDFAC\"", ["assetmeter", "assetspec", "doclinks", "downtimereport", "failurereport", "serviceaddress"] },
        {
            "wodetail", "MXAPIWODETAIL", "siteid=\"KDFAC\" and historyflag=0 and status in [\"WAPPR\",\"APPR\",\"INPRG\",\"ASSIGN\",\"WMATL\"]",
            ["doclinks", "failurereport", "labtrans", "matusetrans", "tooltrans", "worklog", "woserviceaddress", "wplabor", "wpmaterial", "wptool"]
        },
        { "inventory", "MXAPIINVENTORY", "siteid=\"KDFAC\"", ["invbalances", "invcost", "itemcondition", "matrectrans", "matusetrans", "transfercuritem"] },
    };

    [Fact]
    public void DoctorExitsZeroAndItsJsonSaysASyncWouldWorkWithNothingToWarnAbout()
    {
        Assert.True(maximo.Json.ExitCode == 0, maximo.Json.ToString());
        var verdict = maximo.Report.GetProperty("verdict");
        Assert.True(verdict.GetProperty("ok").GetBoolean());
        Assert.Empty(verdict.GetProperty("reasons").EnumerateArray());
        Assert.Empty(verdict.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void TheJsonHasTheDocumentedShape() => Assert.Equal(DoctorJson.Shape, DoctorJson.PathsOf(maximo.Report));

    [Fact]
    public void ItReportsTheConnectionTheCredentialsAndTheUserWithItsDefaultSite()
    {
        var report = maximo.Report;
        Assert.Equal(maximo.Server.BaseUrl.ToString().TrimEnd('/'), report.GetProperty("maximo").GetString());
        var connection = report.GetProperty("connection");
        Assert.True(connection.GetProperty("reachable").GetBoolean());
        Assert.Equal(401, connection.GetProperty("status").GetInt32());
        Assert.False(connection.GetProperty("encrypted").GetBoolean());
        var auth = report.GetProperty("auth");
        Assert.Equal("ApiKey", auth.GetProperty("mode").GetString());
        Assert.True(auth.GetProperty("works").GetBoolean());
        Assert.Equal(maximo.Server.Options.ApiKeyUser, report.GetProperty("user").GetProperty("userId").GetString());
        Assert.Equal(maximo.Server.Options.DefaultSite, report.GetProperty("user").GetProperty("defaultSite").GetString());
        Assert.Equal("KDFAC", report.GetProperty("site").GetProperty("id").GetString());
    }

    [Fact]
    public void TheLargestPageSizeAcceptedIsTheServersMaximumAndUnknownChildrenAreIgnored()
    {
        var server = maximo.Report.GetProperty("server");
        Assert.Equal(maximo.Server.Options.MaxPageSize, server.GetProperty("largestPageSize").GetInt32());
        Assert.Equal(5000, server.GetProperty("refusedPageSize").GetInt32());
        Assert.Equal("ignored", server.GetProperty("unknownChild").GetString());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EachObjectStructureHasItsCountOrderHonouredWholeDeltaDecimalRowstampsAndEveryChild(string slug, string objectStructure, string? where, string[] catalog)
    {
        var endpoint = maximo.Endpoint(slug);

        Assert.Equal(objectStructure, endpoint.GetProperty("objectStructure").GetString());
        Assert.Equal(await maximo.CountAsync(objectStructure, where), endpoint.GetProperty("count").GetInt64());
        Assert.Equal(where, endpoint.GetProperty("where").GetString());
        Assert.Equal("honoured", endpoint.GetProperty("order").GetProperty("outcome").GetString());
        Assert.Equal("set", endpoint.GetProperty("maxRowstamp").GetProperty("covers").GetString());
        Assert.Equal("decimal", endpoint.GetProperty("maxRowstamp").GetProperty("format").GetString());
        Assert.True(endpoint.GetProperty("delta").GetProperty("works").GetBoolean());
        var children = endpoint.GetProperty("children");
        Assert.Empty(children.GetProperty("missing").EnumerateArray());
        Assert.Equal(catalog, children.GetProperty("selected").EnumerateArray().Select(c => c.GetString()));
        Assert.Subset(children.GetProperty("server").EnumerateArray().Select(c => c.GetString()!).ToHashSet(), catalog.ToHashSet());
        var page = endpoint.GetProperty("page");
        Assert.Equal(500, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(500, page.GetProperty("workedAt").GetInt32());
        Assert.True(page.GetProperty("bytes").GetInt64() > 0);
        Assert.Equal(500, endpoint.GetProperty("recommendedPageSize").GetInt32());
        Assert.Equal(JsonValueKind.Null, endpoint.GetProperty("error").ValueKind);
    }

    [Fact]
    public void ItIsFastAFewRequestsPerObjectStructure() => Assert.InRange(maximo.Report.GetProperty("requests").GetInt32(), 6, 6 * 10);

    [Fact]
    public void TheTablesShowARowPerObjectStructureTheRecommendationsAndTheVerdict()
    {
        Assert.True(maximo.Tables.ExitCode == 0, maximo.Tables.ToString());
        var output = maximo.Tables.Stdout;
        foreach (var (slug, objectStructure) in new[] { ("domain", "MXAPIDOMAIN"), ("peruser", "MXAPIPERUSER"), ("locations", "MXAPILOCATIONS"), ("assets", "MXAPIASSET"), ("wodetail", "MXAPIWODETAIL"), ("inventory", "MXAPIINVENTORY") })
        {
            Assert.Matches($@"│ {slug}\s+│ {objectStructure}\s+│\s+[\d,]+ │.*│ honoured\s+│ whole delta\s+│ decimal\s+│ works\s+│\s+500 │", output);
        }

        Assert.Contains("Largest page size │ 1000 (5000 refused)", output, StringComparison.Ordinal);
        Assert.Contains("the configured ones suit this server", output, StringComparison.Ordinal);
        Assert.Contains("A sync would work.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAMaximoItSaysWhatToSetAndExitsTwo()
    {
        var result = await maximo.RunAsync(new Dictionary<string, string>(), "doctor");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Maximo:BaseUrl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadSiteIsAUsageErrorShownWithTheSynopsis()
    {
        var result = await maximo.RunAsync(maximo.Settings(), "doctor", "--site", "KD FAC");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--site", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("maximo-offline doctor [--site KDFAC] [--json]", result.Stderr, StringComparison.Ordinal);
    }
}
