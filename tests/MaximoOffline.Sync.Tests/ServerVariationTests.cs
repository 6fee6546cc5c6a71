using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Emulator;

namespace MaximoOffline.Sync.Tests;

/// <summary>
/// Servers differ in ways the guide does not settle. Against each variation the emulator reproduces,
/// alone and all together, a full sync of all six endpoints ends with exactly the emulator's records.
/// Each case has its own emulator (a variation is a server's start-up setting), at scale 2.
/// </summary>
public sealed class ServerVariationTests
{
    private const string MissingChild = "MXAPIASSET/failurereport";

    public static TheoryData<string> Variations => ["maxrowstamp page", "ignore order", "unknown child reject", "gateway timeout", "mas", "rowstamp bytes", "all together"];

    private sealed class VariationEmulator(string variation) : EmulatorFixture
    {
        protected override int Scale => 2;

        protected override void Configure(EmulatorOptions options)
        {
            var all = variation == "all together";
            if (all || variation == "maxrowstamp page")
            {
                options.MaxRowstamp = MaxRowstampScope.Page;
            }

            if (all || variation == "ignore order")
            {
                options.IgnoreOrder = true;
            }

            if (all || variation == "unknown child reject")
            {
                options.UnknownChild = UnknownChildPolicy.Reject;
                options.WithoutChildren = [MissingChild];
            }

            if (all || variation == "gateway timeout")
            {
                // 500 assets with their children cost more than the gateway waits; a quarter of that does not.
                options.GatewayTimeout = TimeSpan.FromMilliseconds(300);
                options.RecordCost = TimeSpan.FromMilliseconds(0.05);
                options.MaxPageSize = 400;
            }

            if (all || variation == "mas")
            {
                options.Mas = true;
            }

            if (all || variation == "rowstamp bytes")
            {
                options.RowstampFormat = RowstampFormat.Bytes;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variations))]
    public async Task AFullSyncOfAllSixEndpointsEndsWithExactlyTheEmulatorsRecords(string variation)
    {
        var emulator = new VariationEmulator(variation);
        await emulator.InitializeAsync();
        try
        {
            await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:PageSize"] = "500" });

            var (runId, status) = await harness.RunAsync("all", full: true);

            Assert.True(status == SyncRunStatus.Succeeded, $"{variation}: {status}: {harness.RunError(runId)}\n{Log(harness, runId)}");
            var missing = variation is "unknown child reject" or "all together" ? new[] { MissingChild } : [];
            ExpectedRows.AssertReplicaHolds(harness, await ExpectedRows.ReadAsync(emulator, "KDFAC", missing, pageSize: 50));
            var log = Log(harness, runId);
            switch (variation)
            {
                case "ignore order":
                    Assert.Contains("Reading a stable snapshot instead", log, StringComparison.Ordinal);
                    break;
                case "unknown child reject":
                    Assert.True(log.Contains("MXAPIASSET on this Maximo has no failurereport", StringComparison.Ordinal), log);
                    break;
                case "gateway timeout":
                    Assert.Contains("was too heavy for Maximo", log, StringComparison.Ordinal);
                    break;
            }
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    private static string Log(SyncHarness harness, long runId) =>
        string.Join("\n", harness.Events.Of<Engine.LogEvent>().Where(e => e.RunId == runId).Select(e => e.Message));
}
