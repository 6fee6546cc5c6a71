using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MaximoOffline.Bench;

/// <summary>
/// Full syncs from the emulator (its own process, on loopback) into fresh replicas, measured side by
/// side in one run:
/// 1. assets end to end vs the writer alone on the same records (read into memory beforehand);
/// 2. assets with 50 ms latency per request vs without;
/// 3. sync all at scale 10 and at scale 100: records/s and peak managed memory.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var scale = options.Int("scale", 100);
        var small = options.Int("small-scale", 10);
        var results = new List<string>();

        await using (var emulator = await EmulatorProcess.StartAsync(scale))
        {
            var endToEnd = await SyncAsync(emulator, "assets", latencyMs: 0);
            var writerOnly = await WriterOnlyAsync(emulator, EndpointCatalog.Assets);
            var latency = await SyncAsync(emulator, "assets", latencyMs: 50);
            results.Add($"assets at scale {scale}: {endToEnd.Records:N0} records, {endToEnd.Rows:N0} rows");
            results.Add($"  end to end   {endToEnd.Records / endToEnd.Seconds,10:N0} records/s ({endToEnd.Seconds:F1} s)");
            results.Add($"  writer only  {writerOnly.Records / writerOnly.Seconds,10:N0} records/s ({writerOnly.Seconds:F1} s)");
            results.Add($"  end to end / writer only = {writerOnly.Seconds / endToEnd.Seconds:P0} (target >= 50%)");
            results.Add($"  with 50 ms latency per request: {latency.Seconds:F1} s = {latency.Seconds / endToEnd.Seconds:F2}x the zero-latency time (target <= 1.5x)");
            var all = await SyncAsync(emulator, "all", latencyMs: 0);
            results.Add($"sync all at scale {scale}: {all.Records:N0} records in {all.Seconds:F1} s = {all.Records / all.Seconds:N0} records/s, peak managed memory {all.PeakManagedMb:N0} MB (held before it began: {all.BaselineMb:N0} MB)");
            Print(results);
            await using var smallEmulator = await EmulatorProcess.StartAsync(small);
            var allSmall = await SyncAsync(smallEmulator, "all", latencyMs: 0);
            results.Add($"sync all at scale {small}: {allSmall.Records:N0} records in {allSmall.Seconds:F1} s, peak managed memory {allSmall.PeakManagedMb:N0} MB (held before it began: {allSmall.BaselineMb:N0} MB)");
            results.Add($"  peak managed memory, scale {scale} / scale {small} = {all.PeakManagedMb / allSmall.PeakManagedMb:F2}x for {(double)all.Records / allSmall.Records:F1}x the records (target: flat)");
        }

        Console.WriteLine();
        Print(results);
        return 0;
    }

    private static void Print(List<string> lines)
    {
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    /// <param name="BaselineMb">Managed memory just before the sync, after a full collection: what the process held already.</param>
    private sealed record Measured(long Records, long Rows, double Seconds, double PeakManagedMb, double BaselineMb = 0);

    private static async Task<Measured> SyncAsync(EmulatorProcess emulator, string endpoint, int latencyMs)
    {
        await emulator.ClearFaultsAsync();
        if (latencyMs > 0)
        {
            await emulator.ControlAsync("faults", new { kind = "latency", delayMs = latencyMs });
        }

        var folder = BenchRuns.NewFolder();
        try
        {
            await using var services = Services(emulator, Path.Combine(folder, "maximo.db"));
            await services.GetRequiredService<ReplicaDatabase>().MigrateAsync();
            var sync = services.GetRequiredService<SyncService>();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = 0L;
            using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), GC.GetTotalMemory(false))), null, 0, 50);
            var clock = Stopwatch.StartNew();
            var runId = await BenchRuns.FullSyncAsync(sync, endpoint);
            clock.Stop();

            using var connection = services.GetRequiredService<ReplicaDatabase>().OpenConnection();
            using var command = connection.CreateCommand();
            // An all run's counters are the sum of its endpoint runs'.
            command.CommandText = $"SELECT records_fetched, records_inserted FROM sync_run WHERE id = {runId}";
            using var reader = command.ExecuteReader();
            reader.Read();
            return new Measured(reader.GetInt64(0), reader.GetInt64(1), clock.Elapsed.TotalSeconds, Interlocked.Read(ref peak) / 1048576.0, baseline / 1048576.0);
        }
        finally
        {
            await emulator.ClearFaultsAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The same records, fetched beforehand, written through the writer alone.</summary>
    private static async Task<Measured> WriterOnlyAsync(EmulatorProcess emulator, EndpointDefinition endpoint)
    {
        var pages = new List<JsonDocument>();
        long last = 0;
        while (true)
        {
            var where = Uri.EscapeDataString($"siteid=\"KDFAC\" and {endpoint.UniqueId}>{last}");
            var bytes = await emulator.Http.GetByteArrayAsync(
                $"maximo/api/os/{endpoint.ObjectStructure.ToLowerInvariant()}?lean=1&ignorecollectionref=1&oslc.select={Uri.EscapeDataString(endpoint.Select)}" +
                $"&oslc.where={where}&oslc.orderBy=%2B{endpoint.UniqueId}&oslc.pageSize=500");
            var page = JsonDocument.Parse(bytes);
            var members = page.RootElement.GetProperty("member");
            if (members.GetArrayLength() == 0)
            {
                page.Dispose();
                break;
            }

            pages.Add(page);
            last = members.EnumerateArray().Max(m => m.GetProperty(endpoint.UniqueId).GetInt64());
        }

        var folder = BenchRuns.NewFolder();
        try
        {
            var database = ReplicaDatabase.At(Path.Combine(folder, "maximo.db"));
            await database.MigrateAsync();
            using var connection = database.OpenConnection();
            using var writer = new ReplicaWriter(connection, endpoint.Root, endpoint.ChildTables);
            GC.Collect();
            var clock = Stopwatch.StartNew();
            long records = 0, rows = 0;
            foreach (var page in pages)
            {
                var result = writer.WritePage([.. page.RootElement.GetProperty("member").EnumerateArray()], syncRunId: 1);
                records += result.Records;
                rows += result.Tables.Values.Sum(t => t.Inserted);
            }

            return new Measured(records, rows, clock.Elapsed.TotalSeconds, 0);
        }
        finally
        {
            foreach (var page in pages)
            {
                page.Dispose();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static ServiceProvider Services(EmulatorProcess emulator, string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Maximo:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Maximo:ApiKey"] = EmulatorProcess.ApiKey,
            ["Sync:DatabasePath"] = databasePath,
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMaximoSync(configuration);
        return services.BuildServiceProvider();
    }
}

/// <summary>The emulator in a process of its own, so the sync's CPU and memory are measured alone.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string ApiKey = "maximo-offline-bench";
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri root)
    {
        _process = process;
        BaseUrl = new Uri(root, "maximo");
        Http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromMinutes(5) };
        Http.DefaultRequestHeaders.Add("apikey", ApiKey);
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorProcess> StartAsync(int scale)
    {
        var port = 20_000 + Random.Shared.Next(20_000);
        var root = new Uri($"http://127.0.0.1:{port}/");
        var dll = Path.Combine(AppContext.BaseDirectory, "MaximoOffline.Emulator.dll");
        var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--urls", root.ToString().TrimEnd('/'), "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", ApiKey, "--enable-control"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_gcServer"] = "0" },
        }) ?? throw new InvalidOperationException("Could not start the emulator.");
        var emulator = new EmulatorProcess(process, root);
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var response = await emulator.Http.GetAsync("emulator/state");
                if (response.IsSuccessStatusCode)
                {
                    return emulator;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The emulator did not start: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>The processor time the emulator's process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async Task ControlAsync(string path, object body) => (await Http.PostAsJsonAsync("emulator/" + path, body)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await Http.DeleteAsync("emulator/faults")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
