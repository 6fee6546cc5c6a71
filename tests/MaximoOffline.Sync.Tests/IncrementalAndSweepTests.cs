using System.Text.Json;
using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Tests;

public sealed class IncrementalAndSweepTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await emulator.RestoreAsync();
        _harness = await SyncHarness.StartAsync(emulator);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private const string KdfacAssets = "siteid=\"KDFAC\"";

    private List<long> AssetIds(int count, int skip) =>
        _harness.Column<long>($"SELECT assetuid FROM asset WHERE deleted_at IS NULL ORDER BY assetuid LIMIT {count} OFFSET {skip}");

    private long RunValue(long runId, string column) => (long)_harness.Scalar($"SELECT {column} FROM sync_run WHERE id = {runId}")!;

    private int DataPageRequests => _harness.Requests.Urls.Count(u => u.Contains("oslc.select=*", StringComparison.Ordinal));

    [Fact]
    public async Task IncrementalSyncAfterTouchingOnePercentOfTheAssetsFetchesOnlyThoseAndUpdatesExactlyThem()
    {
        Assert.Equal(SyncRunStatus.Succeeded, (await _harness.RunAsync("assets")).Status);

        // With nothing changed, an incremental run re-reads only the boundary second of its cursor.
        var (quietRun, quiet) = await _harness.RunAsync("assets");
        Assert.Equal(SyncRunStatus.Succeeded, quiet);
        var boundary = RunValue(quietRun, "records_fetched");
        Assert.InRange(boundary, 0, 2);

        var touched = AssetIds(5, 100);
        await emulator.ControlAsync("os/mxapiasset/touch", new { ids = touched });
        _harness.Requests.Clear();

        var (runId, status) = await _harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal(5 + boundary, RunValue(runId, "records_fetched"));
        Assert.Equal(1, DataPageRequests);
        Assert.Equal(0L, _harness.Scalar($"SELECT inserted FROM sync_run_table WHERE run_id = {runId} AND table_name = 'asset'"));
        Assert.Equal(5 + boundary, _harness.Scalar($"SELECT updated FROM sync_run_table WHERE run_id = {runId} AND table_name = 'asset'"));
        var written = _harness.Column<long>($"SELECT assetuid FROM asset WHERE sync_run_id = {runId}");
        Assert.Subset(written.ToHashSet(), touched.ToHashSet());
        Assert.Equal(5 + boundary, written.Count);
    }

    [Fact]
    public async Task RowstampEndpointsReadOnlyTheDeltaAfterTheirFirstRun()
    {
        Assert.Equal(SyncRunStatus.Succeeded, (await _harness.RunAsync("inventory")).Status);
        var ids = _harness.Column<long>("SELECT inventoryid FROM inventory ORDER BY inventoryid LIMIT 3");
        await emulator.ControlAsync("os/mxapiinventory/touch", new { ids });

        var (runId, status) = await _harness.RunAsync("inventory");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal(3L, RunValue(runId, "records_fetched"));
        Assert.Equal(ids.Order(), _harness.Column<long>($"SELECT inventoryid FROM inventory WHERE sync_run_id = {runId} ORDER BY 1"));
    }

    [Fact]
    public async Task AFullSyncAfterInsertsAndDeletesSoftDeletesExactlyTheDeletedRows()
    {
        Assert.Equal(SyncRunStatus.Succeeded, (await _harness.RunAsync("assets", full: true)).Status);
        var deleted = AssetIds(4, 50);
        await emulator.ControlAsync("os/mxapiasset/delete", new { ids = deleted });
        await emulator.ControlAsync("os/mxapiasset/insert", new { count = 3 });

        var (runId, status) = await _harness.RunAsync("assets", full: true);

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal(deleted.Order(), _harness.Column<long>("SELECT assetuid FROM asset WHERE deleted_at IS NOT NULL ORDER BY 1"));
        Assert.Equal(await emulator.CountAsync("mxapiasset", KdfacAssets), _harness.Count("asset", "deleted_at IS NULL AND siteid = 'KDFAC'"));
        Assert.Equal(4L, _harness.Scalar($"SELECT deleted FROM sync_run_table WHERE run_id = {runId} AND table_name = 'asset'"));
    }

    [Fact]
    public async Task ASweepThatWouldDeleteMoreThanTheGuardAllowsDeletesNothingAndFailsTheRun()
    {
        Assert.Equal(SyncRunStatus.Succeeded, (await _harness.RunAsync("assets", full: true)).Status);
        await emulator.ControlAsync("os/mxapiasset/delete", new { ids = AssetIds(300, 0) });

        var (runId, status) = await _harness.RunAsync("assets", full: true);

        Assert.Equal(SyncRunStatus.Failed, status);
        Assert.Contains("Sync:MaxDeleteFraction", _harness.RunError(runId), StringComparison.Ordinal);
        Assert.Contains("nothing was deleted", _harness.RunError(runId), StringComparison.Ordinal);
        Assert.Equal(0, _harness.Count("asset", "deleted_at IS NOT NULL"));

        var (forcedRun, forced) = await _harness.RunAsync("assets", full: true, force: true);

        Assert.Equal(SyncRunStatus.Succeeded, forced);
        Assert.Equal(300, _harness.Count("asset", "deleted_at IS NOT NULL"));
        Assert.NotEqual(runId, forcedRun);
    }

    [Fact]
    public async Task ANewAttributeSyncsWithoutErrorLandsInRawAndAppearsInTheSchemaReport()
    {
        await emulator.ControlAsync("os/mxapiasset/attributes", new { name = "kd_inspectionzone", value = "ZONE-9" });

        var (runId, status) = await _harness.RunAsync("assets", full: true);

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal(_harness.Count("asset"), _harness.Count("asset", "json_extract(raw, '$.kd_inspectionzone') = 'ZONE-9'"));
        using var report = JsonDocument.Parse((string)_harness.Scalar($"SELECT schema_report FROM sync_run WHERE id = {runId}")!);
        Assert.Contains("kd_inspectionzone", report.RootElement.GetProperty("asset").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ReferencesToRowsNotInTheReplicaAreCountedAndReported()
    {
        var (runId, status) = await _harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        var report = (string)_harness.Scalar($"SELECT reference_report FROM sync_run WHERE id = {runId}")!;
        using var json = JsonDocument.Parse(report);
        var locations = json.RootElement.GetProperty("asset.location+siteid");
        Assert.Equal(_harness.Count("asset", "location IS NOT NULL"), locations.GetProperty("rows").GetInt64());
        Assert.Contains(_harness.Events.Of<Engine.LogEvent>(), e => e.RunId == runId && e.Message.Contains("not in the replica", StringComparison.Ordinal));
        Assert.Equal(0, _harness.Count("locations", "1=1"));

        var (secondRun, _) = await _harness.RunAsync("locations");
        var (thirdRun, _) = await _harness.RunAsync("assets", full: true);

        Assert.NotEqual(secondRun, thirdRun);
        Assert.Null(_harness.Scalar($"SELECT reference_report FROM sync_run WHERE id = {thirdRun}") as string);
    }
}
