using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Bench;

/// <summary>What every benchmark that syncs does the same way: a fresh folder for its replica, and a full sync that must succeed.</summary>
internal static class BenchRuns
{
    /// <summary>A new folder under the temp folder for one replica (the caller deletes it).</summary>
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "maximo-offline-bench", Guid.NewGuid().ToString("N"));

    /// <summary>Runs a full sync of <paramref name="endpoint"/> (or <c>all</c>) at KDFAC and returns its run id; a run that does not succeed ends the benchmark.</summary>
    public static async Task<long> FullSyncAsync(SyncService sync, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var start = await sync.RequestAsync(new SyncRequest(endpoint, "KDFAC", Full: true, SyncTrigger.Cli));
        var status = await sync.ExecuteAsync(start.RunId);
        return status == SyncRunStatus.Succeeded ? start.RunId : throw new InvalidOperationException($"The sync of {endpoint} ended {status}.");
    }
}
