using System.Security.Cryptography;
using System.Text;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// Pins the exact bytes of representative pages (every object structure, lean and namespaced, with
// children, with and without nulls, members, overlays) so that changes to how records are generated
// and written are proven not to change what a client receives. The hashes were taken from the
// materialise-then-write implementation; the host and port are replaced before hashing.
public sealed class PageBytesTests(PageBytesTests.Fixture fixture) : IClassFixture<PageBytesTests.Fixture>
{
    private const string AssetChildren = "assetmeter{*},assetspec{*},serviceaddress{*},downtimereport{*},doclinks{*},failurereport{*}";
    private readonly MaximoHttp _http = fixture.Http;

    public static TheoryData<string, string> Pages => new()
    {
        { "asset-lean-children", $"api/os/mxapiasset?lean=1&oslc.select=*,{AssetChildren}&oslc.where=siteid=\"KDFAC\" and assetuid>100100&oslc.orderBy=%2Bassetuid&oslc.pageSize=40" },
        { "asset-ns-children-nulls", $"oslc/os/mxapiasset?oslc.select=*,{AssetChildren}&oslc.where=siteid=\"KDFAC\"&oslc.orderBy=%2Bassetuid&oslc.pageSize=30&pageno=2&_dropnulls=0&collectioncount=1" },
        { "asset-lean-children-nulls", $"api/os/mxapiasset?lean=1&oslc.select=*,{AssetChildren}&oslc.pageSize=25&_dropnulls=0" },
        { "asset-lean-named", "api/os/mxapiasset?lean=1&oslc.select=assetnum,status,changedate,priority,assetmeter{metername,lastreading},doclinks{title,format}&oslc.pageSize=50&collectioncount=1" },
        { "asset-ns-attributes-relative", "oslc/os/mxapiasset?oslc.select=*&oslc.pageSize=20&relativeuri=1&ignorecollectionref=1" },
        { "asset-href-only", "api/os/mxapiasset?lean=1&oslc.pageSize=20" },
        { "asset-lean-sorted", "api/os/mxapiasset?lean=1&oslc.select=*,assetspec{*}&oslc.orderBy=-purchaseprice&oslc.pageSize=15" },
        { "person-lean-nested", "api/os/mxapiperuser?lean=1&oslc.select=*,maxuser{*,groupuser{*,maxgroup{*}}}&oslc.pageSize=30" },
        { "person-ns-nested-nulls", "oslc/os/mxapiperuser?oslc.select=*,maxuser{*,groupuser{*,maxgroup{*}}}&oslc.pageSize=20&_dropnulls=0" },
        { "locations-lean", "api/os/mxapilocations?lean=1&oslc.select=*&oslc.pageSize=40" },
        { "domain-lean-children", "api/os/mxapidomain?lean=1&oslc.select=*,synonymdomain{*},alndomain{*},numericdomain{*},maxtabledomain{*},crossoverdomain{*}&oslc.pageSize=60" },
        { "wodetail-lean-children", "api/os/mxapiwodetail?lean=1&oslc.select=*,woserviceaddress{*},wplabor{*},wpmaterial{*},wptool{*},labtrans{*},matusetrans{*},tooltrans{*},worklog{*},doclinks{*}&oslc.pageSize=30" },
        { "wodetail-ns-children-nulls", "oslc/os/mxapiwodetail?oslc.select=*,wplabor{*},worklog{*},doclinks{*}&oslc.pageSize=20&_dropnulls=0" },
        { "inventory-lean-children", "api/os/mxapiinventory?lean=1&oslc.select=*,invbalances{*},invcost{*},itemcondition{*},matrectrans{*},matusetrans{*,transfercuritem{*}}&oslc.pageSize=30" },
        { "inventory-ns-children-nulls", "oslc/os/mxapiinventory?oslc.select=*,invbalances{*},matusetrans{*,transfercuritem{*}}&oslc.pageSize=20&_dropnulls=0" },
        { "asset-member-lean", $"api/os/mxapiasset/_S0QxMDAwNy9LREZBQw--?lean=1&oslc.select=*,{AssetChildren}" },
        { "asset-member-ns", "oslc/os/mxapiasset/_S0QxMDAwNy9LREZBQw--?_dropnulls=0" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PagesKeepTheirExactBytes(string name, string path)
    {
        var body = await GetBodyAsync(_http, path);

        Dump(name, body);
        Assert.True(Expected.TryGetValue(name, out var hash), $"{name}: {HashOf(body)}");
        Assert.Equal(hash, HashOf(body));
    }

    [Fact]
    public async Task OverlaidRecordsKeepTheirExactBytes()
    {
        await EmulatorControl.PostAsync(_http, "reset");
        await EmulatorControl.PostAsync(_http, "os/mxapiasset/touch", new { ids = new[] { 100004L, 100030L } });
        await EmulatorControl.PostAsync(_http, "os/mxapiasset/insert", new { count = 2 });
        await EmulatorControl.PostAsync(_http, "os/mxapiasset/attributes", new { name = "ex_newfield" });
        await EmulatorControl.PostAsync(_http, "os/mxapiasset/attributes", new { name = "ex_fixed", value = "BLUE" });
        try
        {
            var touched = await GetBodyAsync(_http, $"api/os/mxapiasset?lean=1&oslc.select=*,{AssetChildren}&oslc.where=assetuid<=100040&oslc.pageSize=30");
            var lastId = await LastIdAsync();
            var inserted = await GetBodyAsync(_http, $"oslc/os/mxapiasset?oslc.select=*,assetmeter{{*}}&oslc.where=assetuid>={lastId - 40}&_dropnulls=0");
            var named = await GetBodyAsync(_http, "api/os/mxapiasset?lean=1&oslc.select=assetnum,changeby,ex_fixed&oslc.where=assetuid<=100040");
            var all = $"{StripNow(touched)}\n{StripNow(inserted)}\n{named}";

            Dump("overlay", all);
            Assert.True(Expected.TryGetValue("overlay", out var hash), $"overlay: {HashOf(all)}");
            Assert.Equal(hash, HashOf(all));
        }
        finally
        {
            await EmulatorControl.PostAsync(_http, "reset");
        }
    }

    // Touched and inserted records carry the time of the change: replace it with a fixed token
    // (generated change dates all lie before mid-2025).
    private static string StripNow(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body,
            "\"((?:spi:)?changedate)\":\"(?:202[6-9]|20[3-9]\\d)-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d\",\"((?:spi:)?changeby)\":\"MXINTADM\"",
            "\"$1\":\"NOW\",\"$2\":\"MXINTADM\"");

    private async Task<long> LastIdAsync()
    {
        var page = await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid"), ("oslc.orderBy", "-assetuid"), ("oslc.pageSize", "1"));
        return page["member"]![0]!["assetuid"]!.GetValue<long>();
    }

    private static async Task<string> GetBodyAsync(MaximoHttp http, string path)
    {
        using var response = await http.SendAsync(HttpMethod.Get, path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        var authority = http.BaseUrl.GetLeftPart(UriPartial.Authority);
        var escapedAuthority = authority.Replace("/", "\\/", StringComparison.Ordinal);
        return text.Replace(authority, "http://HOST", StringComparison.Ordinal).Replace(escapedAuthority, "http://HOST", StringComparison.Ordinal);
    }

    // A hash says that bytes changed, not where: PAGEBYTES_DUMP=dir writes the bodies for a diff.
    private static void Dump(string name, string body)
    {
        if (Environment.GetEnvironmentVariable("PAGEBYTES_DUMP") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".json"), body);
        }
    }

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["asset-href-only"] = "c7ae687b0f67860e689d5ffc4de2206cf65ced8452e67527d9c00907d5c48cfa",
        ["asset-lean-children-nulls"] = "76c194b267e59501e5344f3f164d5ea9e64c00d136747ef4a1971470fd2c9746",
        ["asset-lean-children"] = "a9230a10ebd8dd96c24f747490827d13331fb63fc34a7457718b74e071bfb213",
        ["asset-lean-named"] = "71cbd5b35bc6abef3eb79bff588eb2b6cb707ad7d3c660cacfee980bb53b9b2b",
        ["asset-lean-sorted"] = "923dd919ca10e218162dfe4a7d172b35fe0fe0d223a06be26975b3d89f341fbd",
        ["asset-member-lean"] = "2b767c4dcaced409b569e8f5924b55f10493d05a7d505f183c0cf840dca94db2",
        ["asset-member-ns"] = "a46545719eb53e75054651505f05f7d8d16650f66d397df1e2c64414abe1a4e9",
        ["asset-ns-attributes-relative"] = "11899d64ab1521ba32b7502a4e3e588638d4158f9ba91ac1beeba6847ec81e7a",
        ["asset-ns-children-nulls"] = "edf377e85069ccfb52b3246f4dfc69cc5ca4b8c4325f67d21010406b00078a28",
        ["domain-lean-children"] = "4207105e68af848defab5060b7f77f6d1a72eac6f3a3808fc5b52556f725ed0f",
        ["inventory-lean-children"] = "7661c33531dd00e90ded23843f31242a062f2d900ad1035b140ad3c222d7c335",
        ["inventory-ns-children-nulls"] = "122807a56cab1b1dbed0576c8253a5d8171f00b9b1092786ec1b7849b4c1e6de",
        ["locations-lean"] = "08d4b1428b3c09ade12fa3c650d6eb9d7348549588721f4f6e7f20ba807a0cda",
        ["overlay"] = "c6158c101ee136e5be718dfe8a16f05836eb6e534e9722f60b44645700985548",
        ["person-lean-nested"] = "ba80f5ba90c02031fa3e2b2dabd5fb6f2023a872f1629854c6a8a26d1b31261d",
        ["person-ns-nested-nulls"] = "1d6554bd7628c7085cbf8a6b990471c8c53ff45e0a0473170101053e0324e411",
        ["wodetail-lean-children"] = "efaf33c8dcf9290a743c37e00cf5f0866e379fecf5aeebac9ef1361749494667",
        ["wodetail-ns-children-nulls"] = "4685cf0b0a84b22e2264e7760d26bbd68bd03a7238bc48d7123644e68bb2755f",
    };

    // Its own emulator: the overlay test changes data, and the bytes must not depend on other classes.
    public sealed class Fixture : EmulatorFixture
    {
        protected override EmulatorOptions Options() => new() { Scale = 1, Seed = 42, ControlApiEnabled = true };
    }
}
