using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The offline workspace's REST API over a replica synced from the built-in emulator: search, lists
/// with keyset paging, CSV, records, and every bad parameter answered with problem details.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DataApiTests(SyncedWebAppFixture app) : IClassFixture<SyncedWebAppFixture>
{
    [Fact]
    public async Task AnAssetIsFoundByAWordOfItsDescriptionAndByAPrefixOfItsNumber()
    {
        var (id, number, description) = app.Scalar<(long, string, string)>(
            "SELECT assetuid, assetnum, description FROM asset WHERE deleted_at IS NULL AND length(assetnum) > 3 ORDER BY assetuid LIMIT 1",
            r => (r.GetInt64(0), r.GetString(1), r.GetString(2)));
        var word = description.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();

        foreach (var q in new[] { word, number[..^2] })
        {
            var result = await app.GetJsonAsync($"api/search?kind=assets&limit=100&q={Uri.EscapeDataString(q)}");
            var assets = result.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "assets");
            Assert.True(assets.GetProperty("count").GetInt64() >= 1);
            var hits = assets.GetProperty("hits").EnumerateArray().ToList();
            Assert.All(hits, h => Assert.Contains(h.GetProperty("number").EnumerateArray().Concat(h.GetProperty("description").EnumerateArray())
                .Concat(h.GetProperty("also").EnumerateArray().SelectMany(a => a.GetProperty("value").EnumerateArray())), s => s.GetProperty("match").GetBoolean()));
            if (assets.GetProperty("countIsExact").GetBoolean() && assets.GetProperty("count").GetInt64() <= 100)
            {
                Assert.Contains(hits, h => h.GetProperty("id").GetInt64() == id);
            }
        }
    }

    [Fact]
    public async Task PagingThroughOpenWorkOrdersGivesEachOnceInOrderAndTheReplicasCount()
    {
        var closed = string.Join(", ", Data.Workspace.WorkspaceKinds.WorkOrders.ClosedStatuses.Select(s => $"'{s}'"));
        var expected = app.Scalar($"SELECT COUNT(*) FROM workorder WHERE deleted_at IS NULL AND status NOT IN ({closed})", r => r.GetInt64(0));
        var rows = await ReadAllAsync("api/data/workorders?limit=37");

        Assert.Equal(expected, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("id").GetInt64()).Distinct().Count());
        var numbers = rows.Select(r => r.GetProperty("values").GetProperty("wonum").GetString()!).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        var first = await app.GetJsonAsync("api/data/workorders?limit=37");
        Assert.Equal(expected, first.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task TheCsvHasExactlyTheRowsAndValuesOfTheListItDownloads()
    {
        const string filter = "site=KDFAC&sort=-wonum&open=false";
        var rows = await ReadAllAsync($"api/data/workorders?{filter}&limit=200");

        using var response = await app.Http.GetAsync($"api/data/workorders.csv?{filter}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("workorders.csv", response.Content.Headers.ContentDisposition?.ToString());
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var header = lines[0].Split(',');
        Assert.Equal("workorderid", header[0]);
        Assert.Equal(rows.Count, lines.Length - 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = new[] { rows[i].GetProperty("id").ToString() }
                .Concat(header.Skip(1).Select(name => rows[i].GetProperty("values").GetProperty(name) is { ValueKind: not JsonValueKind.Null } v ? Csv(v) : ""));
            Assert.Equal(string.Join(',', expected), lines[i + 1]);
        }
    }

    [Fact]
    public async Task AnAssetsRecordResolvesItsLocationAndListsItsChildren()
    {
        var id = app.Scalar("SELECT a.assetuid FROM asset a JOIN locations l ON l.location = a.location AND l.siteid = a.siteid AND l.deleted_at IS NULL " +
                            "WHERE a.deleted_at IS NULL AND EXISTS (SELECT 1 FROM assetmeter m WHERE m.asset_id = a.assetuid AND m.deleted_at IS NULL) ORDER BY a.assetuid LIMIT 1", r => r.GetInt64(0));

        var record = await app.GetJsonAsync($"api/data/assets/{id}");

        Assert.Equal(id, record.GetProperty("id").GetInt64());
        var location = record.GetProperty("references").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "locations");
        var locationId = location.GetProperty("id").GetInt64();
        Assert.Equal(location.GetProperty("value").GetString(), (await app.GetJsonAsync($"api/data/locations/{locationId}")).GetProperty("number").GetString());
        Assert.Contains(record.GetProperty("children").EnumerateArray(), c => c.GetProperty("table").GetString() == "assetmeter" && c.GetProperty("rows").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("api/data/pumps", HttpStatusCode.NotFound)]
    [InlineData("api/data/pumps.csv", HttpStatusCode.NotFound)]
    [InlineData("api/data/assets/99999999999", HttpStatusCode.NotFound)]
    [InlineData("api/data/assets?sort=serialnum;drop", HttpStatusCode.BadRequest)]
    [InlineData("api/data/assets.csv?sort=nope", HttpStatusCode.BadRequest)]
    [InlineData("api/data/workorders?after=eyJrIjoxfQ", HttpStatusCode.BadRequest)]
    [InlineData("api/data/workorders?limit=abc", HttpStatusCode.BadRequest)]
    [InlineData("api/data/workorders?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("api/data/workorders?open=maybe", HttpStatusCode.BadRequest)]
    [InlineData("api/data/domains?site=KDFAC", HttpStatusCode.BadRequest)]
    [InlineData("api/data/assets?site=x%27%20OR%201%3D1", HttpStatusCode.BadRequest)]
    [InlineData("api/search?q=pump&kind=pumps", HttpStatusCode.BadRequest)]
    [InlineData("api/search?q=pump&limit=1000", HttpStatusCode.BadRequest)]
    public async Task ABadParameterIs400AndAnUnknownKindOrRecord404WithProblemDetails(string url, HttpStatusCode status)
    {
        using var response = await app.Http.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("\"pump")]
    [InlineData("pump* OR NEAR(a b)")]
    [InlineData("assetnum:1 AND -x ^y")]
    [InlineData("'; DROP TABLE asset; --")]
    [InlineData("(((")]
    public async Task SearchSyntaxIsPlainWordsNeverAServerError(string q)
    {
        using var search = await app.Http.GetAsync("api/search?q=" + Uri.EscapeDataString(q));
        using var list = await app.Http.GetAsync("api/data/assets?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task ATenKilobyteSearchIsRefusedWithItsReason()
    {
        var q = Uri.EscapeDataString(string.Concat(Enumerable.Repeat("pump \"' ", 1280)));

        using var response = await app.Http.GetAsync("api/search?q=" + q);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ASoftDeletedRowIsHiddenAndUnsearchableUnlessDeletedRowsAreAskedFor()
    {
        var (id, number) = app.Scalar("SELECT locationsid, location FROM locations WHERE deleted_at IS NULL AND siteid = 'KDFAC' ORDER BY locationsid DESC LIMIT 1",
            r => (r.GetInt64(0), r.GetString(1)));
        app.Execute($"UPDATE locations SET deleted_at = '2026-11-30 12:00:00' WHERE locationsid = {id}");
        try
        {
            var live = await ReadAllAsync($"api/data/locations?site=KDFAC&q={Uri.EscapeDataString(number)}");
            var all = await ReadAllAsync("api/data/locations?site=KDFAC&deleted=true&sort=-location&limit=500");
            var search = await app.GetJsonAsync($"api/search?kind=locations&limit=100&q={Uri.EscapeDataString(number)}");

            Assert.DoesNotContain(live, r => r.GetProperty("id").GetInt64() == id);
            Assert.Equal("2026-11-30T12:00:00Z", all.Single(r => r.GetProperty("id").GetInt64() == id).GetProperty("deletedAt").GetString());
            Assert.DoesNotContain(search.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("hits").EnumerateArray()), h => h.GetProperty("id").GetInt64() == id);
            Assert.NotNull((await app.GetJsonAsync($"api/data/locations/{id}")).GetProperty("deletedAt").GetString());
        }
        finally
        {
            app.Execute($"UPDATE locations SET deleted_at = NULL WHERE locationsid = {id}");
        }
    }

    [Fact]
    public async Task PagingWhileASyncWritesGivesEachRowOnce()
    {
        var before = app.Scalar("SELECT json_group_array(assetuid) FROM asset WHERE deleted_at IS NULL AND siteid = 'KDFAC'", r => JsonSerializer.Deserialize<long[]>(r.GetString(0))!);
        await app.ControlAsync("os/mxapiasset/insert", new { count = 40 });
        await app.ControlAsync("os/mxapiasset/touch", new { count = 200 });
        var gate = await app.HoldPagesAsync("/os/mxapiasset");
        using var start = await app.Http.PostAsJsonAsync("api/sync/assets", new { site = "KDFAC", full = true });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        await gate.ReachedAsync();

        var first = await app.GetJsonAsync("api/data/assets?site=KDFAC&limit=15");
        await gate.OpenAsync(); // the sync writes its pages while the rest of the list is read
        var rest = await ReadAllAsync("api/data/assets?site=KDFAC&limit=15", first.GetProperty("next").GetString());
        Assert.Equal("Succeeded", (await app.WaitForEndAsync(runId)).GetProperty("status").GetString());

        var ids = first.GetProperty("items").EnumerateArray().Concat(rest).Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(before.Except(ids));
    }

    private async Task<List<JsonElement>> ReadAllAsync(string url, string? after = null)
    {
        var rows = new List<JsonElement>();
        for (var next = after is null ? url : $"{url}&after={Uri.EscapeDataString(after)}"; next is not null;)
        {
            var page = await app.GetJsonAsync(next);
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString() is { } cursor ? $"{url}&after={Uri.EscapeDataString(cursor)}" : null;
        }

        return rows;
    }

    private static string Csv(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String when value.GetString() is { Length: > 0 } s && "=+-@\t\r".Contains(s[0]) => "'" + s,
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
