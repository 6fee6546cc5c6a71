using System.Diagnostics;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Bench;

/// <summary>
/// A full sync of all six endpoints from an emulator (its own process) that answers every request
/// after 500 ms, as a far-away Maximo does, measured against the latency-bound ideal: the pages the
/// records fill at the configured page size, 500 ms each, as many at once as requests in flight.
/// Then the same behind a gateway that times heavy pages out, so pages are halved during the run.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var scale = options.Int("scale", 10);
        var latency = options.Int("latency-ms", 500);
        var pageSize = options.Int("page-size", 500);
        var inFlight = options.Int("in-flight", 4);
        var settings = new Dictionary<string, string?>
        {
            ["Maximo:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Maximo:MaxConcurrentRequests"] = inFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        await using var emulator = await EmulatorProcess.StartAsync(scale);
        await emulator.ControlAsync("faults", new { kind = "latency", delayMs = latency });
        // Counts the requests for records' pages (it adds no delay).
        await emulator.ControlAsync("faults", new { kind = "latency", delayMs = 0, query = "oslc.select=*" });
        var slow = await SyncAllAsync(emulator, settings);
        // The first run also compiles the sync's code in this process; the second one is the measure.
        Console.WriteLine($"first run (the process still cold): {slow.Seconds:F1} s, processor time: the sync {slow.SyncCpu:F1} s, the emulator {slow.EmulatorCpu:F1} s");
        slow = await SyncAllAsync(emulator, settings);
        var pages = slow.Records.Sum(r => (r.Value + pageSize - 1) / pageSize);
        var ideal = pages * latency / 1000.0 / inFlight;
        Console.WriteLine($"sync all at scale {scale}, {latency} ms a request, pages of {pageSize}, {inFlight} in flight:");
        Console.WriteLine($"  {slow.Records.Values.Sum():N0} records in {pages} pages: {slow.Seconds:F1} s; the latency-bound ideal is {ideal:F1} s");
        Console.WriteLine($"  elapsed / ideal = {slow.Seconds / ideal:F2} (target <= 1.3); {slow.Requests} requests, {slow.PageRequests} of them for pages of records");
        Console.WriteLine($"  processor time meanwhile: the sync {slow.SyncCpu:F1} s, the emulator {slow.EmulatorCpu:F1} s ({Environment.ProcessorCount} processors)");

        await emulator.ClearFaultsAsync();
        // A gateway that gives up on a page after 1 s, pages that cost 0.4 ms a row: pages of 500 assets
        // with their children are too heavy, so the sync halves them.
        await emulator.ControlAsync("variations", new { gatewayTimeout = 1, recordCostMs = 0.4 });
        var gated = await SyncAllAsync(emulator, settings);
        Console.WriteLine($"behind a gateway timing out after 1 s (0.4 ms a row): {gated.Records.Values.Sum():N0} records in {gated.Seconds:F1} s, " +
                          $"{gated.Halvings} page-size halvings");
        await emulator.ControlAsync("variations", new { gatewayTimeout = (int?)null, recordCostMs = 0 });
        return 0;
    }

    private sealed record Measured(Dictionary<string, long> Records, double Seconds, long Requests, long PageRequests, int Halvings, double SyncCpu, double EmulatorCpu);

    private static async Task<Measured> SyncAllAsync(EmulatorProcess emulator, Dictionary<string, string?> settings)
    {
        var folder = BenchRuns.NewFolder();
        try
        {
            await using var services = SyncBenchmark.Services(emulator, Path.Combine(folder, "maximo.db"), settings);
            var database = services.GetRequiredService<ReplicaDatabase>();
            await database.MigrateAsync();
            var sync = services.GetRequiredService<SyncService>();
            var (before, pagesBefore) = await RequestsAsync(emulator);
            var (syncCpu, emulatorCpu) = (Process.GetCurrentProcess().TotalProcessorTime, emulator.ProcessorTime);
            var clock = Stopwatch.StartNew();
            var runId = await BenchRuns.FullSyncAsync(sync, "all");
            clock.Stop();
            syncCpu = Process.GetCurrentProcess().TotalProcessorTime - syncCpu;
            emulatorCpu = emulator.ProcessorTime - emulatorCpu;

            var records = new Dictionary<string, long>();
            var halvings = 0;
            using var connection = database.OpenConnection();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT endpoint, records_fetched FROM sync_run WHERE parent_run_id = {runId}";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    records[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT COUNT(*) FROM sync_log WHERE run_id = {runId} AND message LIKE '%was too heavy for Maximo%'";
                halvings = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            var (after, pagesAfter) = await RequestsAsync(emulator);
            return new Measured(records, clock.Elapsed.TotalSeconds, after - before, pagesAfter - pagesBefore, halvings, syncCpu.TotalSeconds, emulatorCpu.TotalSeconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Requests the emulator has served, from its own counters: the latency fault sees each one, the
    // counting one those for pages of records.
    private static async Task<(long All, long Pages)> RequestsAsync(EmulatorProcess emulator)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await emulator.Http.GetStringAsync("emulator/faults"));
        var faults = document.RootElement.EnumerateArray().ToList();
        long Seen(bool pages) => faults.Where(f => f.GetProperty("spec").TryGetProperty("query", out var q) && q.ValueKind == System.Text.Json.JsonValueKind.String == pages)
            .Sum(f => f.GetProperty("seen").GetInt64());
        return (Seen(false), Seen(true));
    }
}
