using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Tests;

public sealed class DriftTests(LargeEmulatorFixture emulator) : IClassFixture<LargeEmulatorFixture>
{
    [Fact]
    public async Task RecordsInsertedAndDeletedWhileASyncRunsDoNotMakeItMissAnyRecordThatExistedBeforeAndAfter()
    {
        await emulator.ResetAsync();
        var before = (await emulator.AllAsync("mxapiasset", "assetuid", "assetuid", "siteid=\"KDFAC\"")).Select(m => m.GetProperty("assetuid").GetInt64()).ToList();
        await using var harness = await SyncHarness.StartAsync(emulator);
        // Slow pages, so that changes land between them.
        await emulator.ControlAsync("faults", new { kind = "latency", delayMs = 40, path = "/os/mxapiasset" });

        using var done = new CancellationTokenSource();
        var sync = Task.Run(async () =>
        {
            try
            {
                return await harness.RunAsync("assets", full: true);
            }
            finally
            {
                await done.CancelAsync();
            }
        });

        var deleted = new HashSet<long>();
        var rounds = 0;
        var random = new Random(7);
        while (!done.IsCancellationRequested && rounds < 200)
        {
            var victims = Enumerable.Range(0, 10).Select(_ => before[random.Next(before.Count)]).ToList();
            var removed = await emulator.ControlAsync("os/mxapiasset/delete", new { ids = victims });
            deleted.UnionWith(removed.GetProperty("deleted").EnumerateArray().Select(e => e.GetInt64()));
            await emulator.ControlAsync("os/mxapiasset/insert", new { count = 10 });
            rounds++;
        }

        var (_, status) = await sync;
        await emulator.ClearFaultsAsync();

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.True(rounds >= 3, $"only {rounds} rounds of changes happened during the sync");
        var survivors = before.Except(deleted).ToHashSet();
        var replica = harness.Column<long>("SELECT assetuid FROM asset WHERE siteid = 'KDFAC'").ToHashSet();
        var missed = survivors.Except(replica).ToList();
        Assert.True(missed.Count == 0, $"{missed.Count} records that existed before and after were missed, e.g. {string.Join(",", missed.Take(5))}");
    }
}
