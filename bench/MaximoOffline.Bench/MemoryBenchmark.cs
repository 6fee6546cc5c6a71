using System.Diagnostics;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Bench;

/// <summary>
/// The managed memory a full sync of all six endpoints needs, in a process that does nothing else
/// (other benchmarks leave pooled buffers behind that would be counted): sampled every 50 ms, at two
/// scales, so that it can be seen to stay flat as the records grow.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var scale = options.Int("scale", 100);
        await using var emulator = await EmulatorProcess.StartAsync(scale);
        var folder = BenchRuns.NewFolder();
        try
        {
            await using var services = SyncBenchmark.Services(emulator, Path.Combine(folder, "maximo.db"));
            await services.GetRequiredService<ReplicaDatabase>().MigrateAsync();
            var sync = services.GetRequiredService<SyncService>();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = 0L;
            using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), GC.GetTotalMemory(false))), null, 0, 50);
            var clock = Stopwatch.StartNew();
            await BenchRuns.FullSyncAsync(sync, "all");
            clock.Stop();
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"sync all at scale {scale}: succeeded in {clock.Elapsed.TotalSeconds:F1} s; peak managed memory {Interlocked.Read(ref peak) / 1048576.0:N0} MB " +
                              $"(the process held {baseline / 1048576.0:N0} MB before it began and {after / 1048576.0:N0} MB after, collected), " +
                              $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
