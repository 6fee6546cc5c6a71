using System.Text.Json;
using MaximoOffline.Emulator;

namespace MaximoOffline.Cli.Tests;

/// <summary>An emulator with one server variation, and <c>doctor --json</c> against it.</summary>
public abstract class DoctorFixture : CliFixture
{
    public async Task<(ProcessResult Result, JsonElement Report)> DoctorAsync(Dictionary<string, string> settings, params string[] args)
    {
        var result = await RunAsync(settings, ["doctor", "--json", .. args]);
        Assert.True(result.Stdout.TrimStart().StartsWith('{'), result.ToString());
        return (result, JsonDocument.Parse(result.Stdout).RootElement.Clone());
    }

    public static IEnumerable<JsonElement> Endpoints(JsonElement report) => report.GetProperty("endpoints").EnumerateArray();

    public static JsonElement Endpoint(JsonElement report, string slug) => Endpoints(report).Single(e => e.GetProperty("slug").GetString() == slug);

    public static IEnumerable<string> Warnings(JsonElement report) => report.GetProperty("verdict").GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!);

    public static void AssertWorks(ProcessResult result, JsonElement report)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(report.GetProperty("verdict").GetProperty("ok").GetBoolean(), result.Stdout);
    }
}

public sealed class DoctorOnIgnoredOrderTests(DoctorOnIgnoredOrderTests.Server maximo) : IClassFixture<DoctorOnIgnoredOrderTests.Server>
{
    public sealed class Server : DoctorFixture
    {
        protected override void Configure(EmulatorOptions options) => options.IgnoreOrder = true;
    }

    [Fact]
    public async Task AnIgnoredOrderIsReportedForEveryObjectStructureAndTheSyncStillWorks()
    {
        var (result, report) = await maximo.DoctorAsync(maximo.Settings());

        DoctorFixture.AssertWorks(result, report);
        Assert.All(DoctorFixture.Endpoints(report), e => Assert.Equal("ignored", e.GetProperty("order").GetProperty("outcome").GetString()));
        Assert.Contains(DoctorFixture.Warnings(report), w => w.Contains("oslc.orderBy is ignored", StringComparison.Ordinal) && w.Contains("stable snapshot", StringComparison.Ordinal));
    }
}

public sealed class DoctorOnMaxRowstampPerPageTests(DoctorOnMaxRowstampPerPageTests.Server maximo) : IClassFixture<DoctorOnMaxRowstampPerPageTests.Server>
{
    public sealed class Server : DoctorFixture
    {
        protected override void Configure(EmulatorOptions options) => options.MaxRowstamp = MaxRowstampScope.Page;
    }

    [Fact]
    public async Task AMaxRowstampHeaderThatCoversOnlyThePageServedIsReportedAndTheSyncStillWorks()
    {
        var (result, report) = await maximo.DoctorAsync(maximo.Settings());

        DoctorFixture.AssertWorks(result, report);
        Assert.All(DoctorFixture.Endpoints(report), e => Assert.Equal("page", e.GetProperty("maxRowstamp").GetProperty("covers").GetString()));
        var warning = Assert.Single(DoctorFixture.Warnings(report), w => w.Contains("maxrowstamp header covers only the page served", StringComparison.Ordinal));
        Assert.StartsWith("MXAPIDOMAIN, MXAPIPERUSER, MXAPIINVENTORY:", warning, StringComparison.Ordinal); // the endpoints whose cursor is a rowstamp
        Assert.Contains("refines its cursor", warning, StringComparison.Ordinal);
    }
}

public sealed class DoctorOnUnknownChildRejectTests(DoctorOnUnknownChildRejectTests.Server maximo) : IClassFixture<DoctorOnUnknownChildRejectTests.Server>
{
    public sealed class Server : DoctorFixture
    {
        protected override void Configure(EmulatorOptions options) => options.UnknownChild = UnknownChildPolicy.Reject;
    }

    [Fact]
    public async Task AServerThatRefusesASelectNamingAnUnknownChildIsReportedSo()
    {
        var (result, report) = await maximo.DoctorAsync(maximo.Settings());
        var tables = await maximo.RunAsync(maximo.Settings(), "doctor");

        DoctorFixture.AssertWorks(result, report);
        Assert.Equal("refused", report.GetProperty("server").GetProperty("unknownChild").GetString());
        Assert.All(DoctorFixture.Endpoints(report), e => Assert.Equal(JsonValueKind.Number, e.GetProperty("page").GetProperty("workedAt").ValueKind));
        Assert.Contains("a select naming a child this server lacks is refused", tables.Stdout, StringComparison.Ordinal);
    }
}

public sealed class DoctorBehindAGatewayTests(DoctorBehindAGatewayTests.Server maximo) : IClassFixture<DoctorBehindAGatewayTests.Server>
{
    public sealed class Server : DoctorFixture
    {
        protected override void Configure(EmulatorOptions options)
        {
            options.GatewayTimeout = TimeSpan.FromSeconds(0.5);
            options.RecordCost = TimeSpan.FromMilliseconds(1);
            options.MaxPageSize = 200;
        }
    }

    [Fact]
    public async Task PagesTooHeavyForTheGatewayLowerTheRecommendedPageSizeBelowTheConfiguredOne()
    {
        var (result, report) = await maximo.DoctorAsync(maximo.Settings(("Maximo__PageSize", "500")));

        DoctorFixture.AssertWorks(result, report);
        Assert.Equal(200, report.GetProperty("server").GetProperty("largestPageSize").GetInt32());
        var assets = DoctorFixture.Endpoint(report, "assets");
        var page = assets.GetProperty("page");
        var outcomes = page.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()).ToList();
        Assert.Contains("page size refused", outcomes);
        Assert.Contains("HTTP 504", outcomes);
        Assert.Equal("ok", outcomes[^1]);
        var recommended = assets.GetProperty("recommendedPageSize").GetInt32();
        Assert.True(recommended < 500, $"recommended {recommended}");
        Assert.Equal(page.GetProperty("workedAt").GetInt32(), recommended);
        Assert.Contains($"Maximo__PageSize__assets={recommended}", report.GetProperty("recommendations").GetProperty("settings").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(DoctorFixture.Warnings(report), w => w.Contains("too heavy", StringComparison.Ordinal) && w.Contains("MXAPIASSET", StringComparison.Ordinal));
    }
}

public sealed class DoctorOnMasTests(DoctorOnMasTests.Server maximo) : IClassFixture<DoctorOnMasTests.Server>
{
    public sealed class Server : DoctorFixture
    {
        protected override void Configure(EmulatorOptions options) => options.Mas = true;
    }

    [Fact]
    public async Task APasswordLoginFailsWithTheApiKeysOnlyExplanationAndExitsOne()
    {
        var settings = maximo.Settings(("Maximo__AuthMode", "MaxAuth"), ("Maximo__Username", "maxadmin"), ("Maximo__Password", "maxadmin"));
        settings.Remove("Maximo__ApiKey");

        var (result, report) = await maximo.DoctorAsync(settings);

        Assert.True(result.ExitCode == 1, result.ToString());
        var auth = report.GetProperty("auth");
        Assert.Equal("MaxAuth", auth.GetProperty("mode").GetString());
        Assert.False(auth.GetProperty("works").GetBoolean());
        Assert.Contains("accepts only API keys", auth.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var verdict = report.GetProperty("verdict");
        Assert.False(verdict.GetProperty("ok").GetBoolean());
        Assert.Contains("accepts only API keys", Assert.Single(verdict.GetProperty("reasons").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiKeyWorks()
    {
        var (result, report) = await maximo.DoctorAsync(maximo.Settings());

        DoctorFixture.AssertWorks(result, report);
        Assert.True(report.GetProperty("auth").GetProperty("works").GetBoolean());
        Assert.All(DoctorFixture.Endpoints(report), e => Assert.True(e.GetProperty("count").GetInt64() > 0));
    }
}

public sealed class DoctorOnByteRowstampsTests(DoctorOnByteRowstampsTests.Server maximo) : IClassFixture<DoctorOnByteRowstampsTests.Server>
{
    public sealed class Server : DoctorFixture
    {
        protected override void Configure(EmulatorOptions options) => options.RowstampFormat = RowstampFormat.Bytes;
    }

    [Fact]
    public async Task ByteArrayRowstampsAreReportedAndTheirHeaderStillCoversTheWholeDelta()
    {
        var (result, report) = await maximo.DoctorAsync(maximo.Settings());

        DoctorFixture.AssertWorks(result, report);
        Assert.All(DoctorFixture.Endpoints(report), e =>
        {
            Assert.Equal("bytes", e.GetProperty("maxRowstamp").GetProperty("format").GetString());
            Assert.Equal("set", e.GetProperty("maxRowstamp").GetProperty("covers").GetString());
        });
        Assert.Contains(DoctorFixture.Warnings(report), w => w.Contains("byte-array text", StringComparison.Ordinal));
    }
}
