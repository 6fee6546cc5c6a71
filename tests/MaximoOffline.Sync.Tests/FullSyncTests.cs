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
        var expected = await ExpectedRows.ReadAsync(synced, "KDFAC");

        Assert.Equal(33, expected.Count);
        ExpectedRows.AssertReplicaHolds(synced.Harness, expected);
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
        var childKeys = MaximoJsonMap.ChildIds.GetValueOrDefault(endpoint.Root.Name)?.Keys.ToHashSet() ?? [];
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
    public void EachEndpointTakesAboutAsManyPageRequestsAsItsRecordsFillPages()
    {
        // Pages of 100 records (the harness's Maximo:PageSize); data pages are the requests with the full select.
        var pages = synced.Harness.Requests.Urls.Where(u => u.Contains("oslc.select=*", StringComparison.Ordinal)).ToList();
        foreach (var endpoint in EndpointCatalog.DependencyOrder)
        {
            var records = (long)synced.Harness.Scalar($"SELECT records_fetched FROM sync_run WHERE parent_run_id = {synced.RunId} AND endpoint = '{endpoint.Slug}'")!;
            var asked = pages.Where(u => u.Contains($"/os/{endpoint.ObjectStructure.ToLowerInvariant()}?", StringComparison.Ordinal)).ToList();
            var fill = (records + 99) / 100;
            Assert.True(asked.Count <= Math.Max(1, fill + 1), $"{endpoint.Slug}: {records} records in {asked.Count} page requests ({fill} pages at best)");
            // The first page went out beside the probes, before the ranges were cut: it has no lower bound.
            Assert.Contains(asked, u => !u.Contains($"{endpoint.UniqueId}>=", StringComparison.Ordinal) && !u.Contains($"{endpoint.UniqueId}>", StringComparison.Ordinal));
            // And it was used: no range starts again from the lowest id.
            var lowest = (long)synced.Harness.Scalar($"SELECT MIN({endpoint.UniqueId}) FROM {endpoint.Root.Name}")!;
            Assert.DoesNotContain(asked, u => System.Text.RegularExpressions.Regex.IsMatch(u, $@"{endpoint.UniqueId}>={lowest}(?!\d)"));
        }
    }

    [Fact]
    public void TheCursorIsStoredPerEndpointAndSite()
    {
        Assert.NotNull(synced.Harness.Scalar("SELECT cursor FROM sync_state WHERE endpoint = 'assets' AND site = 'KDFAC'"));
        Assert.NotNull(synced.Harness.Scalar("SELECT cursor FROM sync_state WHERE endpoint = 'domain' AND site = ''"));
    }
}
