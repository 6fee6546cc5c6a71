using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Tests;

/// <summary>Sync all at scale 1 once, then hold the replica up against the emulator table by table.</summary>
public sealed class FullSyncTests(FullSyncTests.Synced synced) : IClassFixture<FullSyncTests.Synced>
{
    public sealed class Synced : EmulatorFixture
    {
        public SyncHarness Harness { get; private set; } = null!;

        public long RunId { get; private set; }

        public SyncRunStatus Status { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Harness = await SyncHarness.StartAsync(this);
            (RunId, Status) = await Harness.RunAsync("all");
        }

        public override async Task DisposeAsync()
        {
            await Harness.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    private static Dictionary<string, Dictionary<string, string>> ChildIds => MaximoOffline.Tests.Shared.MaximoJsonMap.ChildIds;

    [Fact]
    public void SyncAllSucceedsAndRecordsEveryEndpointRun()
    {
        Assert.Equal(SyncRunStatus.Succeeded, synced.Status);
        var children = synced.Harness.Column<string>($"SELECT endpoint || ':' || status FROM sync_run WHERE parent_run_id = {synced.RunId} ORDER BY id");
        Assert.Equal(EndpointCatalog.Slugs.Select(s => s + ":Succeeded"), children);
    }

    [Fact]
    public async Task EveryTableHoldsExactlyTheRowsTheEmulatorHasForTheSameFilter()
    {
        var expected = new Dictionary<string, HashSet<string>>();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var members = await synced.AllAsync(endpoint.ObjectStructure, endpoint.Select, endpoint.UniqueId, endpoint.Where("KDFAC", new SyncOptions()));
            Assert.NotEmpty(members);
            foreach (var member in members)
            {
                Collect(expected, endpoint.Root.Name, endpoint.UniqueId, member);
            }
        }

        Assert.Equal(33, expected.Count);
        foreach (var (table, keys) in expected)
        {
            var key = synced.Harness.Column<string>($"SELECT name FROM pragma_table_info('{table}') WHERE pk = 1").Single();
            var actual = synced.Harness.Column<object>($"SELECT \"{key}\" FROM \"{table}\" WHERE deleted_at IS NULL")
                .Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).ToHashSet();
            Assert.True(keys.SetEquals(actual), $"{table}: emulator has {keys.Count} rows, replica {actual.Count}; " +
                $"missing {string.Join(",", keys.Except(actual).Take(5))}; extra {string.Join(",", actual.Except(keys).Take(5))}");
        }
    }

    [Theory]
    [InlineData("assets")]
    [InlineData("wodetail")]
    [InlineData("peruser")]
    [InlineData("inventory")]
    [InlineData("domain")]
    [InlineData("locations")]
    public async Task SampledRowsEqualTheEmulatorsJsonFieldForField(string slug)
    {
        var endpoint = EndpointCatalog.Find(slug)!;
        var members = await synced.AllAsync(endpoint.ObjectStructure, endpoint.Select, endpoint.UniqueId, endpoint.Where("KDFAC", new SyncOptions()));
        var childKeys = ChildIds.GetValueOrDefault(endpoint.Root.Name)?.Keys.ToHashSet() ?? [];
        foreach (var member in members.Where((_, i) => i % (members.Count / 7 + 1) == 0))
        {
            var id = member.GetProperty(endpoint.UniqueId).GetInt64();
            var raw = (string)synced.Harness.Scalar($"SELECT raw FROM \"{endpoint.Root.Name}\" WHERE \"{endpoint.UniqueId}\" = {id}")!;
            using var stored = JsonDocument.Parse(raw);
            var sent = member.EnumerateObject().Where(p => !childKeys.Contains(p.Name)).ToList();

            Assert.Equal(sent.Count, stored.RootElement.EnumerateObject().Count());
            foreach (var property in sent)
            {
                Assert.True(stored.RootElement.TryGetProperty(property.Name, out var value), $"{slug} {id}: {property.Name} missing from raw");
                Assert.True(JsonElement.DeepEquals(property.Value, value), $"{slug} {id}: {property.Name} differs");
            }

            if (member.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
            {
                Assert.Equal(description.GetString(), synced.Harness.Scalar($"SELECT description FROM \"{endpoint.Root.Name}\" WHERE \"{endpoint.UniqueId}\" = {id}"));
            }

            if (member.TryGetProperty("_rowstamp", out var rowstamp))
            {
                Assert.Equal(long.Parse(rowstamp.GetString()!, CultureInfo.InvariantCulture),
                    synced.Harness.Scalar($"SELECT rowstamp FROM \"{endpoint.Root.Name}\" WHERE \"{endpoint.UniqueId}\" = {id}"));
            }
        }
    }

    [Fact]
    public void TheRunRecordsPerTableCountsThatAddUpToTheRows()
    {
        var assetRun = (long)synced.Harness.Scalar($"SELECT id FROM sync_run WHERE parent_run_id = {synced.RunId} AND endpoint = 'assets'")!;
        var inserted = (long)synced.Harness.Scalar($"SELECT inserted FROM sync_run_table WHERE run_id = {assetRun} AND table_name = 'asset'")!;

        Assert.Equal(synced.Harness.Count("asset"), inserted);
        Assert.Equal(500L, inserted);
        Assert.Equal(inserted, synced.Harness.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {assetRun}"));
    }

    [Fact]
    public void TheSchemaReportListsAttributesThatOnlyRawHolds()
    {
        var report = (string)synced.Harness.Scalar($"SELECT schema_report FROM sync_run WHERE parent_run_id = {synced.RunId} AND endpoint = 'assets'")!;
        using var json = JsonDocument.Parse(report);
        var asset = json.RootElement.GetProperty("asset").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.NotEmpty(asset);
        Assert.DoesNotContain("assetnum", asset);
        Assert.Contains(asset, name => name!.EndsWith("_description", StringComparison.Ordinal));
    }

    [Fact]
    public void ProgressReachesTheTotalMaximoCounted()
    {
        var last = synced.Harness.Events.Of<Engine.ProgressEvent>().Last(e => e.Endpoint == "assets");

        Assert.Equal(500, last.Total);
        Assert.Equal(500, last.Records);
        Assert.Equal(100, last.Percent);
    }

    [Fact]
    public void TheCursorIsStoredPerEndpointAndSite()
    {
        Assert.NotNull(synced.Harness.Scalar("SELECT cursor FROM sync_state WHERE endpoint = 'assets' AND site = 'KDFAC'"));
        Assert.NotNull(synced.Harness.Scalar("SELECT cursor FROM sync_state WHERE endpoint = 'domain' AND site = ''"));
    }

    private static void Collect(Dictionary<string, HashSet<string>> expected, string table, string idPath, JsonElement row, string? parentKey = null, int position = 0)
    {
        var key = idPath.Length == 0 ? $"{parentKey}/{position}" : Read(row, idPath);
        if (!expected.TryGetValue(table, out var keys))
        {
            expected[table] = keys = [];
        }

        keys.Add(key);
        foreach (var property in row.EnumerateObject())
        {
            if (!ChildIds.TryGetValue(table, out var children) || !children.TryGetValue(property.Name, out var childId))
            {
                continue;
            }

            var list = property.Value.ValueKind == JsonValueKind.Object ? property.Value.GetProperty("member") : property.Value;
            var i = 0;
            foreach (var child in list.EnumerateArray())
            {
                Collect(expected, property.Name, childId, child, key, i++);
            }
        }
    }

    private static string Read(JsonElement row, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            row = row.GetProperty(segment);
        }

        return row.ValueKind == JsonValueKind.String ? row.GetString()! : row.GetRawText();
    }
}
