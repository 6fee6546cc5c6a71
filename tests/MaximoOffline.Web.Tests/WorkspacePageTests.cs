using System.Net;
using System.Text.RegularExpressions;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The offline workspace's pages over plain HTTP (no browser): what an unknown kind, an unknown record,
/// a tampered link or hostile search text get, and soft-deleted rows.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class WorkspacePageTests(SyncedWebAppFixture app) : IClassFixture<SyncedWebAppFixture>
{
    [Fact]
    public async Task AnUnknownKindIsANotFoundPage()
    {
        foreach (var url in new[] { "data/nothing", "data/nothing/1" })
        {
            using var response = await app.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("There is no", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AnUnknownRecordIsANotFoundPageWithALinkToItsList()
    {
        foreach (var url in new[] { "data/assets/999999999", "data/assets/not-a-number", "data/workorders/-1" })
        {
            using var response = await app.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("href=\"/data/", body);
        }
    }

    [Fact]
    public async Task ATamperedNextPageLinkOrAnUnknownSortIsExplainedWithALinkBackAnd400()
    {
        var first = await app.Http.GetStringAsync("data/workorders?open=false&sort=-targstartdate");
        var next = WebUtility.HtmlDecode(NextPageLink().Match(first).Groups[1].Value);
        Assert.Contains("after=", next);
        var after = Regex.Match(next, "after=([^&]+)").Groups[1].Value;
        var tampered = next.Replace("after=" + after, "after=" + (after[0] == 'A' ? 'B' : 'A') + after[1..], StringComparison.Ordinal);

        foreach (var url in new[] { tampered.TrimStart('/'), "data/workorders?after=%22%3Cscript%3E", "data/workorders?sort=-bogus", "data/assets?site=KD%20FAC", "data/workorders?open=maybe", "data/assets?limit=0",
                                          $"data/workorders?open=false&sort=wonum&after={after}" })
        {
            using var response = await app.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("role=\"alert\"", body);
            Assert.Matches("<p class=\"mb-2 problem-message\">(after|sort|site|open|limit): ", body);
            Assert.Matches("<a class=\"alert-link\" href=\"/data/(workorders|assets)\">", body);
            Assert.DoesNotContain("<script>", body);
        }
    }

    [Fact]
    public async Task HostileSearchTextIsSearchedAsWordsOrRefusedNeverAServerError()
    {
        string[] hostile = ["\"", "\"pump", "*", "pump*", "NEAR(", "NEAR(pump valve, 2)", "pump AND OR NOT", "col:pump", "'; DROP TABLE asset; --",
                            "<script>alert(1)</script>", "^pump", "{pump}", new string('x', 10 * 1024)];
        foreach (var q in hostile)
        {
            foreach (var path in new[] { "data", "data/assets", "data/workorders" })
            {
                using var response = await app.Http.GetAsync($"{path}?q={Uri.EscapeDataString(q)}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{path}?q={q[..Math.Min(q.Length, 30)]}: {(int)response.StatusCode}");
                Assert.DoesNotContain("<script>alert(1)</script>", body);
            }
        }

        // Pasted text far over the search's limit reaches the page and is refused with the reason.
        foreach (var path in new[] { "data", "data/assets" })
        {
            using var tooLong = await app.Http.GetAsync($"{path}?q={new string('x', 10 * 1024)}");
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.Contains("at most 200 are accepted", await tooLong.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AMatchedWordIsMarkedAndEverythingElseEncoded()
    {
        var asset = app.ReplicaRow("SELECT assetuid, description FROM asset WHERE deleted_at IS NULL AND description LIKE '% %' ORDER BY assetuid LIMIT 1")!;
        var word = ((string)asset["description"]!).Split(' ')[0];

        var body = await app.Http.GetStringAsync($"data?q={Uri.EscapeDataString(word.ToLowerInvariant())}&kind=assets");

        Assert.Contains($"<mark>{WebUtility.HtmlEncode(word)}</mark>", body);
        Assert.Matches("<h2 class=\"h5\" id=\"group-assets\">Assets <small class=\"text-body-secondary group-count\">(more than )?[0-9,]+ assets?</small>", body);
        Assert.Contains($"href=\"/data/assets?q={Uri.EscapeDataString(word.ToLowerInvariant())}\"", body);
    }

    [Fact]
    public async Task ADomainFoundByOneOfItsValuesIsAHitOnTheDomainAndItsListByTheSameWordsFindsItToo()
    {
        var value = app.ReplicaRow("SELECT d.maxdomainid, a.value FROM alndomain a JOIN maxdomain d ON d.maxdomainid = a.maxdomain_id " +
                                   "WHERE d.deleted_at IS NULL AND length(a.value) > 3 AND a.value NOT GLOB '*[^A-Za-z0-9]*' " +
                                   "AND instr(upper(d.domainid || ' ' || coalesce(d.description, '')), upper(a.value)) = 0 LIMIT 1")!;

        var q = Uri.EscapeDataString((string)value["value"]!);
        var body = await app.Http.GetStringAsync($"data?q={q}&kind=domains");
        var list = await app.Http.GetStringAsync($"data/domains?q={q}&limit=500");

        Assert.Contains($"href=\"/data/domains/{value["maxdomainid"]}\"", body);
        Assert.Contains($"href=\"/data/domains?q={q}\"", body);
        Assert.Contains($"data-id=\"{value["maxdomainid"]}\"", list);
    }

    [Fact]
    public async Task SoftDeletedWorkOrdersAreHiddenUnlessTheListAsksForThemAndTheirPageSaysSo()
    {
        // Two open work orders leave the sync's filter in Maximo (completed): the next sync marks them deleted.
        var ids = await app.OpenWorkOrderIdsAsync("KDFAC", 2);
        await app.ControlAsync("os/mxapiwodetail/set", new { ids, set = new { status = "COMP" } });
        using var sync = await app.Http.PostAsync("api/sync/wodetail", System.Net.Http.Json.JsonContent.Create(new { site = "KDFAC" }));
        var run = await app.WaitForEndAsync((await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(sync.Content)).GetProperty("runId").GetInt64());
        Assert.Equal("Succeeded", run.GetProperty("status").GetString());

        // The list's first page by number shows them only with deleted=true, struck through.
        var live = await app.Http.GetStringAsync("data/workorders?site=KDFAC&open=false&limit=500&sort=wonum");
        var all = await app.Http.GetStringAsync("data/workorders?site=KDFAC&open=false&deleted=true&limit=500&sort=wonum");
        foreach (var id in ids)
        {
            Assert.DoesNotContain($"data-id=\"{id}\"", live);
            Assert.Matches($"<tr class=\"row-deleted\" data-id=\"{id}\">\\s*<th scope=\"row\">\\s*<s><a href=\"/data/workorders/{id}\">", all);
            var record = await app.Http.GetStringAsync($"data/workorders/{id}");
            Assert.Contains("id=\"deleted-banner\"", record);
        }

        Assert.Contains("<span class=\"visually-hidden\"> (deleted)</span>", all);
        // Words find deleted rows too when they are asked for.
        var wonum = (string)app.ReplicaRow($"SELECT wonum FROM workorder WHERE workorderid = {ids[0]}")!["wonum"]!;
        var byWords = await app.Http.GetStringAsync($"data/workorders?site=KDFAC&open=false&deleted=true&limit=500&q={Uri.EscapeDataString(wonum)}");
        Assert.Contains($"<tr class=\"row-deleted\" data-id=\"{ids[0]}\">", byWords);
    }

    [Fact]
    public async Task EveryKindsListSortsByEachOfItsColumnsAndItsFirstRecordOpens()
    {
        foreach (var kind in Data.Workspace.WorkspaceKinds.All)
        {
            foreach (var sort in kind.Sorts.SelectMany(c => new[] { c, "-" + c }))
            {
                using var response = await app.Http.GetAsync($"data/{kind.Slug}?sort={sort}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind.Slug} sorted by {sort}: {(int)response.StatusCode}");
            }

            var list = await app.Http.GetStringAsync($"data/{kind.Slug}");
            var first = Regex.Match(list, $"<th scope=\"row\">\\s*<a href=\"(/data/{kind.Slug}/[0-9]+)\">([^<]*)</a>");
            Assert.True(first.Success, $"the {kind.Slug} list links its first row");
            var record = await app.Http.GetStringAsync(first.Groups[1].Value.TrimStart('/'));
            Assert.Contains($"<span id=\"record-number\">{first.Groups[2].Value}</span>", record);
            Assert.DoesNotContain("href=\"/data/" + kind.Slug + "/\"", record);
        }
    }

    [GeneratedRegex("<a class=\"btn btn-sm btn-outline-primary\" href=\"([^\"]+)\" id=\"next-page\"")]
    private static partial Regex NextPageLink();
}
