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
    /// node ended it Interrupted, and another node takes it (<see cref="TakeHandedOver"/>) and runs it again.
    /// </summary>
    public const string HandedOverMessage =
        "Interrupted: the node running this sync was stopped; another node of the team server runs it again. Committed pages are kept.";

    /// <summary>The error of a handed-over run once another node has taken it.</summary>
    public const string TakenOverMessage =
        "Interrupted: the node running this sync was stopped; another node of the team server ran it again. Committed pages are kept.";

    /// <summary>
    /// Takes the runs stopping nodes handed over (<see cref="HandedOverMessage"/>) and returns them: the
    /// update is the claim, so across nodes exactly one takes each run.
    /// </summary>
    public IReadOnlyList<long> TakeHandedOver()
    {
        using var connection = database.OpenConnection();
        using var transaction = database.BeginWrite(connection);
        var taken = new List<long>();
        using (var take = Command(connection, transaction, "UPDATE sync_run SET error = @taken WHERE status = @interrupted AND error = @handed RETURNING id",
                   ("@taken", TakenOverMessage), ("@interrupted", RunStatusText.Of(SyncRunStatus.Interrupted)), ("@handed", HandedOverMessage)))
        using (var reader = take.ExecuteReader())
        {
            while (reader.Read())
            {
                taken.Add(reader.GetInt64(0));
            }
        }

        transaction.Commit();
        return taken;
    }

    /// <summary>Renews the lease of every queued or running run this process owns.</summary>
    public void Heartbeat() => Execute(database,
        $"UPDATE sync_run SET heartbeat_at = @now WHERE owner = @owner AND {ActiveFilter}",
        [("@now", Now(database, time)), ("@owner", RunOwner.Current), .. ActiveStatuses]);

    /// <summary>
    /// Raised in this process, once committed, with the runs it marked Interrupted, whichever call did it
    /// (this class's look, or a claim's): across nodes, exactly one process hears of each run (the queue's
    /// lock serialises the look), so a team server's recovery re-runs each once.
    /// </summary>
    public event Action<IReadOnlyList<long>>? Interrupted;

    /// <summary>Marks queued or running runs whose owning process is gone (or silent) as Interrupted, and returns them.</summary>
    public IReadOnlyList<long> InterruptAbandoned()
    {
        using var connection = database.OpenConnection();
        using var transaction = database.BeginWrite(connection);
        var interrupted = InterruptAbandoned(connection, transaction);
        transaction.Commit();
        Announce(interrupted);
        return interrupted;
    }

    /// <summary>Raises <see cref="Interrupted"/> for runs a committed transaction marked (see <see cref="InterruptAbandoned(DbConnection, DbTransaction)"/>).</summary>
    internal void Announce(IReadOnlyList<long> interrupted)
    {
        if (interrupted.Count > 0)
        {
            Interrupted?.Invoke(interrupted);
        }
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
