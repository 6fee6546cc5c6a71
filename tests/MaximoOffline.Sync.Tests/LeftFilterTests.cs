using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Tests;

/// <summary>
/// An incremental run reads what changed within the endpoint's filter; records that changed out of it
/// (a work order that closed) must not stay in the replica as they were.
/// </summary>
public sealed class LeftFilterTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.RestoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WorkOrdersThatClosedAreMarkedAsLeftTheFilterAndOnesThatChangedButStayOpenAreUpdated()
    {
        await using var harness = await SyncHarness.StartAsync(emulator);
        Assert.Equal(SyncRunStatus.Succeeded, (await harness.RunAsync("wodetail")).Status);
        var open = harness.Column<long>("SELECT workorderid FROM workorder WHERE deleted_at IS NULL ORDER BY workorderid LIMIT 8");
        var liveBefore = harness.Count("workorder");
        await emulator.ControlAsync("os/mxapiwodetail/set", new { ids = open.Take(5), set = new { status = "COMP" } });
        await emulator.ControlAsync("os/mxapiwodetail/set", new { ids = open.Skip(5).Take(2), set = new { status = "CLOSE", historyflag = true } });
        await emulator.ControlAsync("os/mxapiwodetail/set", new { ids = open.Skip(7), set = new { description = "Pump seal replaced, still open" } });

        var (runId, status) = await harness.RunAsync("wodetail");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal("Incremental", harness.Scalar($"SELECT mode FROM sync_run WHERE id = {runId}"));
        Assert.Equal(open.Take(7).Order(), harness.Column<long>("SELECT workorderid FROM workorder WHERE deleted_at IS NOT NULL ORDER BY workorderid"));
        Assert.Equal(liveBefore - 7, harness.Count("workorder"));
        Assert.Equal("Pump seal replaced, still open", harness.Scalar($"SELECT description FROM workorder WHERE workorderid = {open[7]} AND deleted_at IS NULL"));
        Assert.Equal(7L, harness.Scalar($"SELECT deleted FROM sync_run_table WHERE run_id = {runId} AND table_name = 'workorder'"));
        Assert.Contains(harness.Events.Of<Engine.LogEvent>(), e => e.RunId == runId && e.Message.Contains("7 work orders left the filter (COMP 5, CLOSE 2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAssetMovedOutOfAConfiguredWhereIsMarkedAsLeftTheFilter()
    {
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Sync:Where:assets"] = "siteid={site} and status=\"OPERATING\"" });
        Assert.Equal(SyncRunStatus.Succeeded, (await harness.RunAsync("assets")).Status);
        var operating = harness.Column<long>("SELECT assetuid FROM asset WHERE deleted_at IS NULL ORDER BY assetuid LIMIT 2");
        await emulator.ControlAsync("os/mxapiasset/set", new { ids = operating.Take(1), set = new { status = "DECOMMISSIONED" } });
        await emulator.ControlAsync("os/mxapiasset/set", new { ids = operating.Skip(1), set = new { description = "Still operating" } });

        var (runId, status) = await harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal(operating.Take(1), harness.Column<long>("SELECT assetuid FROM asset WHERE deleted_at IS NOT NULL"));
        Assert.Equal("Still operating", harness.Scalar($"SELECT description FROM asset WHERE assetuid = {operating[1]} AND deleted_at IS NULL"));
        Assert.Contains(harness.Events.Of<Engine.LogEvent>(), e => e.RunId == runId && e.Message.Contains("1 assets left the filter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExtraReadsCostAtMostATenthMoreBytesAfterOnePercentOfWorkOrdersChanged()
    {
        await using var harness = await SyncHarness.StartAsync(emulator);
        await harness.RunAsync("wodetail");
        var ids = harness.Column<long>("SELECT workorderid FROM workorder WHERE deleted_at IS NULL ORDER BY workorderid");
        await emulator.ControlAsync("os/mxapiwodetail/touch", new { ids = ids.Where((_, i) => i % 100 == 0) });
        harness.Requests.Clear();
        harness.Requests.CountBytes = true;

        var (_, status) = await harness.RunAsync("wodetail");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        // The records' read asks the open statuses; the read of what left the filter asks only the site and the cursor.
        var bodies = harness.Requests.Bodies;
        var leaving = bodies.Where(b => b.Url.Contains("stablepaging=1", StringComparison.Ordinal) && !b.Url.Contains("status in", StringComparison.Ordinal)).Sum(b => b.Bytes);
        var rest = bodies.Sum(b => b.Bytes) - leaving;
        Assert.True(leaving > 0, "the run asked what left the filter");
        Assert.True(leaving <= rest / 10, $"{leaving:N0} bytes to find what left the filter, {rest:N0} bytes for everything else");
    }
}
