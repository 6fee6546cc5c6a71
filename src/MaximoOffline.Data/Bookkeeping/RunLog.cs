using MaximoOffline.Data.Database;
using Microsoft.EntityFrameworkCore;
using static MaximoOffline.Data.Bookkeeping.BookkeepingSql;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// A run's log in <c>sync_log</c>: lines numbered 1, 2, … per run, so that a watcher that reconnects
/// asks for the lines after the last one it saw.
/// </summary>
public sealed class RunLog(ReplicaStore database, TimeProvider time)
{
    /// <summary>
    /// Stores a line under the run's next number and returns it. The number is taken in the insert
    /// itself (the primary key makes the lookup cheap), so no process keeps a counter of its own.
    /// </summary>
    public SyncLog Append(long runId, SyncLogLevel level, string message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        using var connection = database.OpenConnection();
        using var transaction = database.BeginWrite(connection, AppendLock + runId); // two writers of one run never take the same number
        using var insert = Command(connection, transaction,
            "INSERT INTO sync_log (run_id, seq, time, level, message) " +
            "SELECT @id, COALESCE(MAX(seq), 0) + 1, @time, @level, @message FROM sync_log WHERE run_id = @id RETURNING seq",
            ("@id", runId), ("@time", database.BookkeepingTime(now)), ("@level", level.ToString()), ("@message", message));
        var seq = (long)insert.ExecuteScalar()!;
        transaction.Commit();
        return new SyncLog { RunId = runId, Seq = seq, Time = now, Level = level, Message = message };
    }

    /// <summary>The base of the per-run locks <see cref="Append"/> takes on PostgreSQL (a range apart from the queue's).</summary>
    private const long AppendLock = 0x4D58_4F4C_0000_0000;

    /// <summary>Up to <paramref name="limit"/> lines after <paramref name="afterSeq"/>, in order.</summary>
    public async Task<IReadOnlyList<SyncLog>> AfterAsync(long runId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.SyncLogs.AsNoTracking().Where(l => l.RunId == runId && l.Seq > afterSeq)
            .OrderBy(l => l.Seq).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>The lines with <c>afterSeq &lt; seq &lt;= upToSeq</c>, in order.</summary>
    public async Task<IReadOnlyList<SyncLog>> BetweenAsync(long runId, long afterSeq, long upToSeq, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.SyncLogs.AsNoTracking().Where(l => l.RunId == runId && l.Seq > afterSeq && l.Seq <= upToSeq)
            .OrderBy(l => l.Seq).ToListAsync(cancellationToken);
    }
}
