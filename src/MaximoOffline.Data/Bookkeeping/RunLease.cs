using MaximoOffline.Data.Database;
using System.Data.Common;
using static MaximoOffline.Data.Bookkeeping.BookkeepingSql;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// A queued or running run belongs to the process recorded as its owner, which renews the lease by a
/// heartbeat. A run whose owner is gone (a process of this machine that no longer exists, or one that
/// has been silent for <see cref="Timeout"/>) is marked Interrupted, so a crash never blocks an endpoint.
/// </summary>
public sealed class RunLease(ReplicaStore database, TimeProvider time)
{
    /// <summary>
    /// A run whose owner has not shown a sign of life for this long is considered interrupted: six
    /// missed heartbeats, so a busy machine or a long page write never loses a lease by accident.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>How often an owner renews the leases of its runs.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    /// <summary>The message an interrupted run ends with.</summary>
    public const string InterruptedMessage =
        "Interrupted: the process running this sync stopped before it finished. Committed pages are kept; run it again to complete.";

    /// <summary>
    /// The error of a run a team server's node handed over as it stopped (a shutdown, not a crash): the
    /// node ended it Interrupted, and another node takes it (<see cref="TakeInterrupted"/>) and runs it again.
    /// </summary>
    public const string HandedOverMessage =
        "Interrupted: the node running this sync was stopped; another node of the team server runs it again. Committed pages are kept.";

    /// <summary>The error of a handed-over run once another node has taken it.</summary>
    public const string TakenOverMessage =
        "Interrupted: the node running this sync was stopped; another node of the team server ran it again. Committed pages are kept.";

    /// <summary>The error of a run whose process died once a team server's node has taken it to run again.</summary>
    public const string RecoveredMessage =
        "Interrupted: the process running this sync stopped before it finished; another node of the team server ran it again. Committed pages are kept.";

    /// <summary>
    /// How long after a run whose process died was marked Interrupted a team server still takes it to run
    /// again: runs marked before that are history (marked by a version that had no such take, say).
    /// </summary>
    public static readonly TimeSpan TakenWithin = TimeSpan.FromHours(1);

    /// <summary>
    /// Marks the runs whose process is gone Interrupted (as <see cref="InterruptAbandoned()"/> does), then, in
    /// the same transaction, takes the runs a team server runs again: those marked Interrupted because their
    /// process died (<see cref="InterruptedMessage"/>, within <see cref="TakenWithin"/>), and those a
    /// stopping node handed over (<see cref="HandedOverMessage"/>). The update of a run's error is the claim:
    /// across nodes exactly one takes each run, and a run is taken even if the node that marked it died meanwhile.
    /// </summary>
    public IReadOnlyList<(long RunId, bool HandedOver)> TakeInterrupted()
    {
        using var connection = database.OpenConnection();
        using var transaction = database.BeginWrite(connection);
        InterruptAbandoned(connection, transaction);
        var interrupted = ("@interrupted", (object?)RunStatusText.Of(SyncRunStatus.Interrupted));
        var since = database.BookkeepingTime(time.GetUtcNow().UtcDateTime - TakenWithin);
        var taken = Take(connection, transaction, "UPDATE sync_run SET error = @taken WHERE status = @interrupted AND error = @crashed AND finished_at >= @since RETURNING id",
                ("@taken", RecoveredMessage), interrupted, ("@crashed", InterruptedMessage), ("@since", since))
            .Select(id => (id, false))
            .Concat(Take(connection, transaction, "UPDATE sync_run SET error = @taken WHERE status = @interrupted AND error = @handed RETURNING id",
                ("@taken", TakenOverMessage), interrupted, ("@handed", HandedOverMessage)).Select(id => (id, true)))
            .OrderBy(r => r.id)
            .ToList();
        transaction.Commit();
        return taken;
    }

    private static List<long> Take(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var take = Command(connection, transaction, sql, parameters);
        using var reader = take.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Renews the lease of every queued or running run this process owns.</summary>
    public void Heartbeat() => Execute(database,
        $"UPDATE sync_run SET heartbeat_at = @now WHERE owner = @owner AND {ActiveFilter}",
        [("@now", Now(database, time)), ("@owner", RunOwner.Current), .. ActiveStatuses]);

    /// <summary>Marks queued or running runs whose owning process is gone (or silent) as Interrupted, and returns them.</summary>
    public IReadOnlyList<long> InterruptAbandoned()
    {
        using var connection = database.OpenConnection();
        using var transaction = database.BeginWrite(connection);
        var interrupted = InterruptAbandoned(connection, transaction);
        transaction.Commit();
        return interrupted;
    }

    internal IReadOnlyList<long> InterruptAbandoned(DbConnection connection, DbTransaction transaction)
    {
        var stale = time.GetUtcNow().UtcDateTime - Timeout;
        var abandoned = new List<long>();
        using (var select = Command(connection, transaction,
                   $"SELECT id, owner, COALESCE(heartbeat_at, queued_at) FROM sync_run WHERE {ActiveFilter}", ActiveStatuses))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var owner = reader.IsDBNull(1) ? null : reader.GetString(1);
                var alive = owner == RunOwner.Current
                    || (!RunOwner.IsDeadOnThisMachine(owner) && reader.GetDateTime(2) > stale);
                if (!alive)
                {
                    abandoned.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in abandoned)
        {
            End(connection, transaction, id, SyncRunStatus.Interrupted, InterruptedMessage, Now(database, time));
        }

        return abandoned;
    }
}
