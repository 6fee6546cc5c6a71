using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;
using System.Data.Common;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Engine;

/// <summary>What a run checks in the replica once it has read: the full sync's guarded sweep, and references to rows the replica lacks.</summary>
internal sealed class ReplicaChecks(ReplicaStore database, IOptions<SyncOptions> options, TimeProvider time)
{
    private readonly SyncOptions sync = options.Value;

    /// <summary>
    /// Soft-deletes the rows in the endpoint's scope that this full run did not write, unless that
    /// would remove more than <c>Sync:MaxDeleteFraction</c> of them (a partial read looks exactly like
    /// a mass delete): then it refuses, having deleted nothing. Returns the rows it marked.
    /// </summary>
    public long Sweep(RunContext run, EndpointSyncer.Plan plan, DbTransaction transaction)
    {
        var table = plan.Endpoint.Root.Name;
        var site = plan.Site;
        var scope = $"\"deleted_at\" IS NULL{(plan.Endpoint.SiteScoped && site is not null ? " AND siteid = @site" : "")}";
        using var count = ReplicaCommands.Create(transaction.Connection!, transaction,
            $"SELECT COUNT(*), COUNT(*) FILTER (WHERE sync_run_id IS DISTINCT FROM @run) FROM \"{table}\" WHERE {scope}", ("@run", run.RunId), ("@site", site));
        long live, unseen;
        using (var reader = count.ExecuteReader())
        {
            reader.Read();
            live = reader.GetInt64(0);
            unseen = reader.GetInt64(1);
        }

        if (unseen == 0)
        {
            return 0;
        }

        var fraction = (double)unseen / live;
        if (fraction > sync.MaxDeleteFraction && !plan.Force)
        {
            throw new SyncRefusedException(
                $"The full sync would mark {unseen:N0} of {live:N0} {table} rows as deleted ({fraction:P0}), more than " +
                $"Sync:MaxDeleteFraction ({sync.MaxDeleteFraction:P0}) allows, so nothing was deleted. A partial read from Maximo " +
                "looks like a mass delete; if Maximo really lost these records, run a full sync with force.");
        }

        using var sweep = ReplicaCommands.Create(transaction.Connection!, transaction,
            $"UPDATE \"{table}\" SET deleted_at = @now WHERE {scope} AND sync_run_id IS DISTINCT FROM @run",
            ("@now", database.ReplicaTime(time.GetUtcNow().UtcDateTime)), ("@run", run.RunId), ("@site", site));
        long deleted = sweep.ExecuteNonQuery();
        RunCounters.RecordSweep(transaction, run.RunId, table, deleted);
        return deleted;
    }

    /// <summary>
    /// Soft-deletes the rows that changed out of the endpoint's filter (in the transaction that ends the
    /// run), counted as deleted. Rows this run wrote are left alone: they matched when they were read,
    /// and the next run sees their later change. Returns the rows marked.
    /// </summary>
    public long MarkLeftFilter(RunContext run, EndpointSyncer.Plan plan, LeftFilter left, DbTransaction transaction)
    {
        if (left.Ids.Count == 0)
        {
            return 0;
        }

        var table = plan.Endpoint.Root.Name;
        using var mark = ReplicaCommands.Create(transaction.Connection!, transaction,
            $"UPDATE \"{table}\" SET deleted_at = @now WHERE {database.IdIn($"\"{plan.Endpoint.UniqueId}\"", "@ids")} " +
            "AND deleted_at IS NULL AND sync_run_id IS DISTINCT FROM @run",
            ("@now", database.ReplicaTime(time.GetUtcNow().UtcDateTime)), ("@ids", database.IdList(left.Ids)), ("@run", run.RunId));
        long marked = mark.ExecuteNonQuery();
        RunCounters.RecordSweep(transaction, run.RunId, table, marked);
        return marked;
    }

    /// <summary>Counts rows that refer to rows of another object structure that the replica does not have.</summary>
    public string? References(RunContext run, EndpointDefinition endpoint, string? site)
    {
        if (endpoint.References.Count == 0)
        {
            return null;
        }

        using var connection = database.OpenConnection();
        var report = new Dictionary<string, object>();
        foreach (var check in endpoint.References)
        {
            var from = check.From.Name;
            var join = string.Join(" AND ", check.Columns.Zip(check.ToColumns, (a, b) => $"t.\"{b}\" = f.\"{a}\""));
            var distinct = string.Join(" || '/' || ", check.Columns.Select(c => $"f.\"{c}\""));
            var siteFilter = endpoint.SiteScoped && site is not null && check.Columns.Contains("siteid") ? " AND f.siteid = @site" : "";
            using var command = ReplicaCommands.Create(connection, null,
                $"SELECT COUNT(*), COUNT(DISTINCT {distinct}) FROM \"{from}\" f WHERE f.deleted_at IS NULL AND f.\"{check.Columns[0]}\" IS NOT NULL{siteFilter} " +
                $"AND NOT EXISTS (SELECT 1 FROM \"{check.To.Name}\" t WHERE {join} AND t.deleted_at IS NULL)",
                ("@site", site));
            using var reader = command.ExecuteReader();
            reader.Read();
            var (rows, missing) = (reader.GetInt64(0), reader.GetInt64(1));
            if (rows > 0)
            {
                var message = $"{rows:N0} {from} row(s) reference {missing:N0} {check.What} not in the replica.";
                var filler = EndpointCatalog.DependencyOrder.FirstOrDefault(e => e.Root == check.To);
                run.Warn(message + (filler is null || filler == endpoint ? "" : $" Sync {filler.Slug} to fill them in."));
                report[$"{from}.{string.Join("+", check.Columns)}"] = new { rows, missing, what = check.What };
            }
        }

        return report.Count == 0 ? null : JsonSerializer.Serialize(report);
    }
}
