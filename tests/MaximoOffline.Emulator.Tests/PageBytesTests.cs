using System.Security.Cryptography;
using System.Text;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

// Pins the exact bytes of representative pages (every object structure, lean and namespaced, with
// children, with and without nulls, members, overlays) so that changes to how records are generated
// and written are proven not to change what a client receives. The hashes were first taken from the
// materialise-then-write implementation and re-pinned when the bodies were made to follow real MAS
// responses (oslc.select=*, child keys, attributes); the host and port are replaced before hashing.
public sealed class PageBytesTests(PageBytesTests.Fixture fixture) : IClassFixture<PageBytesTests.Fixture>
{
    private const string AssetChildren = "assetmeter{*},assetspec{*},serviceaddress{*},downtimereport{*},doclinks{*},failurereport{*}";
    private readonly MaximoHttp _http = fixture.Maximo;

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
        ["asset-lean-children-nulls"] = "e2ae165a3e27010f59cb21f477a907c8c42644188000097a7c0ab7cc221291f4",
        ["asset-lean-children"] = "75731633c81ed8fc354b6827310cd6280d2d65982223ed452a2e541296677cf1",
        ["asset-lean-named"] = "9cc9ed2bf4eafd37adb2fb46b8e1527ab7ac5e5d0b57036e49e157d5ebe1206b",
        ["asset-lean-sorted"] = "83ddb5131b907cde7155da9d0ddfb1980dca154d6f8e7b57d9a15e007716a274",
        ["asset-member-lean"] = "5d7d74e6ed28593074efbbfd39cf291cd5ce86e0d56a3f8a5e57a6fb2a518337",
        ["asset-member-ns"] = "9e3484fffe8cd07944b145f88f1bd0c6ed9b72dd319e1adde70608b3b588e7c9",
        ["asset-ns-attributes-relative"] = "637f1053e2c83a53d68eed1375da93f6b2505a4eacb10c164ee38429fb57618f",
        ["asset-ns-children-nulls"] = "89b5e1fd699f51cb6d67bfbaf61cecc9ead3ca9c70ed00b374e1e051cc260330",
        ["domain-lean-children"] = "403b56a3baa5eaf53378c1479616ac6dca620f72da8a029e4f854fe591bd01f3",
        ["inventory-lean-children"] = "1012a5b511bf0ccf243d8f1a08bd2e47be2b19ae223dbccc14b524cc37edaa24",
        ["inventory-ns-children-nulls"] = "fbb6d2b76a4433716b3e404b4cd456da46ca63318c2e2bdfcc8a45ea38826a61",
        ["locations-lean"] = "96d50d308ff8971b9df831641961b9260484fe6c4030822da9b881902b3db014",
        ["overlay"] = "643166b4e95f3c007a67a950bfc0752f91ac47814beb93418e88aaf17eacb995",
        ["person-lean-nested"] = "8b8e077035d71a1abeef731b38dcae917a2298056cdc85cbb05246e11f0fa90e",
        ["person-ns-nested-nulls"] = "6661fb3acb4b40d3962956e504656cb0a293e07b3917617e9f33c9e5271220d8",
        ["wodetail-lean-children"] = "ea068ceea50f3a86785af2b2bdc986e0670f9b69b95c379797ac9da2bc4ddc51",
        ["wodetail-ns-children-nulls"] = "c5b364a06b7b8a8f85450027107369c90ebd3eb2e1ddb7fb2ffd6492c5e0c249",
    };

    // Its own emulator: the overlay test changes data, and the bytes must not depend on other classes.
    public sealed class Fixture : MaximoFixture;
}
