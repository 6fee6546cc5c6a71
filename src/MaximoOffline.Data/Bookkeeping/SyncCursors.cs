using MaximoOffline.Data.Database;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using static MaximoOffline.Data.Bookkeeping.BookkeepingSql;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// Where each endpoint's sync stands per site (<c>sync_state</c>): the cursor an incremental run starts
/// from, and when the last full and the last successful sync ended.
/// </summary>
public sealed class SyncCursors(ReplicaStore database, TimeProvider time)
{
    public SyncState? Get(string endpoint, string site)
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null,
            "SELECT cursor, last_full_sync_at, last_success_at, last_run_id FROM sync_state WHERE endpoint = @e AND site = @s",
            ("@e", endpoint), ("@s", site));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new SyncState
        {
            Endpoint = endpoint,
            Site = site,
            Cursor = reader.IsDBNull(0) ? null : reader.GetString(0),
            LastFullSyncAt = reader.IsDBNull(1) ? null : reader.GetDateTime(1),
            LastSuccessAt = reader.IsDBNull(2) ? null : reader.GetDateTime(2),
            LastRunId = reader.IsDBNull(3) ? null : reader.GetInt64(3),
        };
    }

    /// <summary>Every endpoint and site that has synced.</summary>
    public async Task<IReadOnlyList<SyncState>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.SyncStates.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Records a successful run's cursor (inside the transaction that ends the run).</summary>
    public void SaveSuccess(DbTransaction transaction, string endpoint, string site, string? cursor, bool full, long runId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var now = Now(database, time);
        using var upsert = Command(transaction.Connection!, transaction,
            "INSERT INTO sync_state (endpoint, site, cursor, last_full_sync_at, last_success_at, last_run_id) " +
            "VALUES (@e, @s, @cursor, @full, @now, @run) ON CONFLICT (endpoint, site) DO UPDATE SET cursor = excluded.cursor, " +
            "last_full_sync_at = COALESCE(excluded.last_full_sync_at, sync_state.last_full_sync_at), last_success_at = excluded.last_success_at, " +
            "last_run_id = excluded.last_run_id",
            ("@e", endpoint), ("@s", site), ("@cursor", cursor), ("@full", full ? now : null), ("@now", now), ("@run", runId));
        upsert.ExecuteNonQuery();
    }
}
