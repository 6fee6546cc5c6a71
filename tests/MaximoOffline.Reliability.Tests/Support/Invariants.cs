namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// What must hold of a replica at any moment, however its writer was stopped, against a complete
/// read of an emulator whose data does not change. Each check returns the problems it found.
/// </summary>
public static class Invariants
{
    /// <summary>
    /// The file is sound (<c>integrity_check</c>, <c>foreign_key_check</c>); every row is one the
    /// emulator has, nothing was swept; every parent row present carries exactly the emulator's children
    /// (a page is never half-written); and each audited run stamped exactly the rows its committed
    /// counters say it wrote.
    /// </summary>
    public static List<string> Check(Replica replica, EmulatorTruth truth, IEnumerable<long> runsToAudit)
    {
        var problems = new List<string>();
        var integrity = replica.Texts("PRAGMA integrity_check");
        if (integrity is not ["ok"])
        {
            problems.Add($"integrity_check: {string.Join("; ", integrity.Take(5))}");
            return problems; // nothing below can be trusted
        }

        var foreignKeys = replica.Rows("PRAGMA foreign_key_check");
        if (foreignKeys.Count > 0)
        {
            problems.Add($"foreign_key_check: {foreignKeys.Count} row(s), e.g. {string.Join(", ", foreignKeys.Take(3).Select(r => string.Join("/", r)))}");
        }

        var live = new Dictionary<string, HashSet<string>>();
        foreach (var (table, keys) in truth.Keys)
        {
            var key = replica.KeyColumn(table);
            live[table] = replica.Texts($"SELECT \"{key}\" FROM \"{table}\" WHERE deleted_at IS NULL").ToHashSet();
            var unknown = live[table].Except(keys).Take(5).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"{table}: rows the emulator does not have: {string.Join(", ", unknown)}");
            }

            var swept = replica.Long($"SELECT COUNT(*) FROM \"{table}\" WHERE deleted_at IS NOT NULL");
            if (swept > 0)
            {
                problems.Add($"{table}: {swept} row(s) marked deleted, though nothing was deleted in the emulator");
            }
        }

        foreach (var ((child, parent), parentsOf) in truth.Parents)
        {
            var column = parent + "_id";
            if (!replica.HasColumn(child, column))
            {
                continue; // a shared reference (maxgroup): stored once, not under a parent
            }

            var present = live[parent];
            var key = replica.KeyColumn(child);
            var actual = replica.Rows($"SELECT \"{key}\", \"{column}\" FROM \"{child}\" WHERE \"{column}\" IS NOT NULL AND deleted_at IS NULL")
                .ToDictionary(r => Replica.Text(r[0])!, r => Replica.Text(r[1])!);
            var wrong = actual.Where(a => !parentsOf.TryGetValue(a.Key, out var owners) || !owners.Contains(a.Value)).Take(3).ToList();
            if (wrong.Count > 0)
            {
                problems.Add($"{child}: rows under a {parent} that does not list them: {string.Join(", ", wrong.Select(w => $"{w.Key} under {w.Value}"))}");
            }

            // Every child of every parent present is there, under one of the present parents that list it.
            var missing = parentsOf.Where(p => p.Value.Overlaps(present) && !(actual.TryGetValue(p.Key, out var owner) && p.Value.Contains(owner) && present.Contains(owner)))
                .Select(p => p.Key).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{child}: {missing.Count} row(s) missing under their {parent} (a half-written page?), e.g. {string.Join(", ", missing.Take(5))}");
            }
        }

        foreach (var runId in runsToAudit)
        {
            problems.AddRange(AuditRun(replica, truth, runId));
        }

        return problems;
    }

    /// <summary>
    /// A run's committed counters against the rows it stamped. Valid while no later run has rewritten
    /// its rows: for the runs of the last sync all, each of which wrote its own endpoint's tables.
    /// </summary>
    private static IEnumerable<string> AuditRun(Replica replica, EmulatorTruth truth, long runId)
    {
        var run = replica.Rows($"SELECT endpoint, records_fetched, records_inserted, records_updated, records_deleted FROM sync_run WHERE id = {runId}").Single();
        var endpoint = (string)run[0]!;
        var counters = replica.Rows($"SELECT table_name, inserted, updated, deleted FROM sync_run_table WHERE run_id = {runId}")
            .ToDictionary(r => (string)r[0]!, r => (Inserted: (long)r[1]!, Updated: (long)r[2]!, Deleted: (long)r[3]!));
        long Written(string table) => counters.TryGetValue(table, out var c) ? c.Inserted + c.Updated : 0;
        long Stamped(string table) => replica.Long($"SELECT COUNT(*) FROM \"{table}\" WHERE sync_run_id = {runId}");

        var root = truth.RootOf[endpoint];
        if (Stamped(root) != Written(root) || Written(root) != (long)run[1]!)
        {
            yield return $"run {runId} ({endpoint}): {Stamped(root)} {root} rows carry its id, its table counters say {Written(root)}, its fetched count {run[1]}";
        }

        if (counters.Values.Sum(c => c.Inserted) != (long)run[2]! || counters.Values.Sum(c => c.Updated) != (long)run[3]! || counters.Values.Sum(c => c.Deleted) != (long)run[4]!)
        {
            yield return $"run {runId} ({endpoint}): per-table counters do not add up to the run's";
        }

        var once = truth.ListedOnce.ToHashSet();
        foreach (var table in truth.Keys.Keys.Where(t => t != root))
        {
            var (stamped, written) = (Stamped(table), Written(table));
            if (once.Contains(table) ? stamped != written : stamped > written)
            {
                yield return $"run {runId} ({endpoint}): {stamped} {table} rows carry its id, its counters say {written} written";
            }
        }
    }
}
