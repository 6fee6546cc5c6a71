using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;
using MaximoOffline.Data.Replica;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Runs one endpoint: reads the records in scope (all of them, or those changed since the cursor)
/// in keyset ranges, several at a time, and writes them page by page through one writer, one
/// transaction per page. A full read ends with the guarded soft-delete sweep. The cursor advances
/// only when the run succeeds, to a value taken before reading began, so nothing changed during
/// the run is skipped next time.
/// </summary>
internal sealed class EndpointSyncer(
    MaximoClient client,
    RunQueue queue,
    RunCounters counters,
    SyncCursors cursors,
    ReplicaDatabase database,
    IOptions<MaximoOptions> maximoOptions,
    IOptions<SyncOptions> syncOptions,
    TimeProvider time)
{
    private readonly MaximoOptions maximo = maximoOptions.Value;
    private readonly SyncOptions sync = syncOptions.Value;

    /// <summary>What a run of one endpoint will do: read everything, or what changed since the cursor.</summary>
    public sealed record Plan(EndpointDefinition Endpoint, string? Site, SyncState? State, bool Full, bool Force)
    {
        /// <summary>The key of the endpoint's cursor: its site, or "" for endpoints not filtered by site.</summary>
        public string SiteKey => Endpoint.SiteScoped ? Site ?? "" : "";

        public SyncMode Mode => Full ? SyncMode.Full : SyncMode.Incremental;
    }

    /// <summary>Decides the run's mode: an incremental request of an endpoint that has no cursor yet reads everything.</summary>
    public Plan PlanRun(RunContext run, EndpointDefinition endpoint, RunRequest request)
    {
        var site = endpoint.SiteScoped ? request.Site : null;
        var state = cursors.Get(endpoint.Slug, endpoint.SiteScoped ? site ?? "" : "");
        var full = request.Mode == SyncMode.Full || state?.Cursor is null;
        if (full && request.Mode != SyncMode.Full)
        {
            queue.SetMode(run.RunId, SyncMode.Full);
        }

        return new Plan(endpoint, site, state, full, request.Force);
    }

    public async Task<RunOutcome> RunAsync(RunContext run, Plan plan, CancellationToken cancellationToken)
    {
        var (endpoint, site, state, full) = (plan.Endpoint, plan.Site, plan.State, plan.Full);
        var scope = new MaximoQuery { Where = endpoint.Where(site, sync), SavedQuery = sync.SavedQuery.GetValueOrDefault(endpoint.Slug) };
        var changed = full ? scope : ChangedSince(endpoint, scope, state!.Cursor!);

        run.Info($"{(full ? "Full" : "Incremental")} sync of {endpoint.Slug} ({endpoint.ObjectStructure})" +
                 $"{(endpoint.SiteScoped ? $" for site {site}" : "")} from {client.BaseUrl}" +
                 $"{(full ? "" : $", changes since {state!.Cursor}")}.");

        // The next cursor is taken before reading, so that records changed while this run reads are
        // read again next time rather than skipped.
        var nextCursor = await NextCursorAsync(endpoint, scope, full ? null : state!.Cursor, cancellationToken);
        var total = await client.CountAsync(endpoint.ObjectStructure, changed, cancellationToken);
        counters.SetTotal(run.RunId, total);
        run.Info($"Maximo has {total:N0} {endpoint.ObjectStructure} record(s) to read.");
        var progress = new ProgressTracker(run, total);
        progress.Report();

        var read = total == 0 ? new ReadResult(0, []) : await ReadAndWriteAsync(run, endpoint, changed, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (read.Records < total)
        {
            run.Warn($"Maximo counted {total:N0} records but {read.Records:N0} were read: records left the filter or were deleted while the sync ran.");
        }

        return RunOutcome.Succeeded("", transaction =>
        {
            var swept = full ? Sweep(run, plan, transaction) : 0;
            cursors.SaveSuccess(transaction, endpoint.Slug, plan.SiteKey, nextCursor ?? state?.Cursor, full, run.RunId);
            return (swept > 0 ? $"Marked {swept:N0} {endpoint.Root.Name} row(s) that Maximo no longer has in scope as deleted. " : "") +
                   $"Done: {read.Records:N0} records in {run.Elapsed.TotalSeconds:N1} s.";
        }) with
        {
            SchemaReport = SchemaReport(run, read.Untyped),
            ReferenceReport = References(run, endpoint, site),
        };
    }

    private MaximoQuery ChangedSince(EndpointDefinition endpoint, MaximoQuery scope, string cursor) => endpoint.Cursor switch
    {
        CursorKind.ChangeDate => scope with
        {
            Where = MaximoWhere.And(scope.Where, MaximoWhere.GreaterOrEqual("changedate",
                DateTimeOffset.Parse(cursor, CultureInfo.InvariantCulture) - TimeSpan.FromSeconds(sync.OverlapSeconds), maximo.DateFilterFormat)),
        },
        _ => scope with { DeltaSinceRowstamp = long.Parse(cursor, CultureInfo.InvariantCulture) },
    };

    /// <summary>The newest changedate in scope, or the current max rowstamp of the delta, as Maximo sees it now.</summary>
    private async Task<string?> NextCursorAsync(EndpointDefinition endpoint, MaximoQuery scope, string? cursor, CancellationToken cancellationToken)
    {
        if (endpoint.Cursor == CursorKind.ChangeDate)
        {
            using var newest = await client.GetPageAsync(endpoint.ObjectStructure,
                scope with { Select = "changedate", OrderBy = [("changedate", false)], PageSize = 1 }, cancellationToken);
            return newest.Members.Count > 0 && newest.Members[0].TryGetProperty("changedate", out var date) && date.ValueKind == JsonValueKind.String
                ? date.GetString()
                : cursor;
        }

        var since = cursor is null ? 0 : long.Parse(cursor, CultureInfo.InvariantCulture);
        using var delta = await client.GetPageAsync(endpoint.ObjectStructure,
            scope with { Select = endpoint.UniqueId, DeltaSinceRowstamp = since, PageSize = 1 }, cancellationToken);
        return delta.MaxRowstamp?.ToString(CultureInfo.InvariantCulture) ?? cursor;
    }

    private sealed record ReadResult(long Records, Dictionary<string, SortedSet<string>> Untyped);

    private async Task<ReadResult> ReadAndWriteAsync(RunContext run, EndpointDefinition endpoint, MaximoQuery changed, ProgressTracker progress, CancellationToken cancellationToken)
    {
        var uid = endpoint.UniqueId;
        var min = await EdgeAsync(endpoint, changed, ascending: true, cancellationToken);
        var max = await EdgeAsync(endpoint, changed, ascending: false, cancellationToken);
        if (min is null || max is null)
        {
            return new ReadResult(0, []);
        }

        var ranges = KeysetRanges.Split(min.Value, max.Value, progress.Total ?? 0, maximo.PageSize, maximo.MaxConcurrentRequests);
        var workers = Math.Min(maximo.MaxConcurrentRequests, ranges.Count);
        var pages = Channel.CreateBounded<MaximoPage>(new BoundedChannelOptions(workers) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = new RangeReader(client, endpoint, changed, maximo, run);
        var producing = reader.ProduceAsync(ranges, workers, pages.Writer, stop);

        var untyped = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        long records = 0;
        try
        {
            using var connection = database.OpenConnection();
            using var writer = new ReplicaWriter(connection, endpoint.Root, endpoint.ChildTables, time);
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken))
            {
                using (page)
                {
                    // Cancellation takes effect between pages: a page is written whole or not at all.
                    cancellationToken.ThrowIfCancellationRequested();
                    var result = writer.WritePage(page.Members, run.RunId, (transaction, written) => counters.RecordPage(transaction, run.RunId, written));
                    records += result.Records;
                    foreach (var (table, names) in result.UntypedAttributes)
                    {
                        if (!untyped.TryGetValue(table, out var set))
                        {
                            untyped[table] = set = new SortedSet<string>(StringComparer.Ordinal);
                        }

                        set.UnionWith(names);
                    }

                    progress.Add(result);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producing;
            while (pages.Reader.TryRead(out var left))
            {
                left.Dispose();
            }
        }

        if (reader.Failure is { } failure)
        {
            throw failure;
        }

        progress.Report();
        return new ReadResult(records, untyped);
    }

    /// <summary>The lowest or highest unique id in scope, or null when nothing is.</summary>
    private async Task<long?> EdgeAsync(EndpointDefinition endpoint, MaximoQuery changed, bool ascending, CancellationToken cancellationToken)
    {
        using var page = await client.GetPageAsync(endpoint.ObjectStructure,
            changed with { Select = endpoint.UniqueId, OrderBy = [(endpoint.UniqueId, ascending)], PageSize = 1 }, cancellationToken);
        return page.Members.Count == 0 ? null : RangeReader.UniqueId(page.Members[0], endpoint);
    }

    /// <summary>
    /// Soft-deletes the rows in the endpoint's scope that this full run did not write, unless that
    /// would remove more than <c>Sync:MaxDeleteFraction</c> of them (a partial read looks exactly like
    /// a mass delete): then it refuses, having deleted nothing. Returns the rows it marked.
    /// </summary>
    private long Sweep(RunContext run, Plan plan, SqliteTransaction transaction)
    {
        var table = plan.Endpoint.Root.Name;
        var site = plan.Site;
        var scope = $"\"deleted_at\" IS NULL{(plan.Endpoint.SiteScoped && site is not null ? " AND siteid = $site" : "")}";
        using var count = SqliteCommands.Create(transaction.Connection!, transaction,
            $"SELECT COUNT(*), COALESCE(SUM(sync_run_id IS NOT $run), 0) FROM \"{table}\" WHERE {scope}", ("$run", run.RunId), ("$site", site));
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

        using var sweep = SqliteCommands.Create(transaction.Connection!, transaction,
            $"UPDATE \"{table}\" SET deleted_at = $now WHERE {scope} AND sync_run_id IS NOT $run",
            ("$now", time.GetUtcNow().UtcDateTime.ToString(ReplicaColumns.DateFormat, CultureInfo.InvariantCulture)), ("$run", run.RunId), ("$site", site));
        long deleted = sweep.ExecuteNonQuery();
        RunCounters.RecordSweep(transaction, run.RunId, table, deleted);
        return deleted;
    }

    private static string? SchemaReport(RunContext run, Dictionary<string, SortedSet<string>> untyped)
    {
        if (untyped.Count == 0)
        {
            return null;
        }

        run.Log(SyncLogLevel.Debug, "Attributes kept only in raw (no typed column): " +
                                    string.Join(", ", untyped.Select(kv => $"{kv.Key} {kv.Value.Count}")) + ".");

        return JsonSerializer.Serialize(untyped.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    /// <summary>Counts rows that refer to rows of another object structure that the replica does not have.</summary>
    private string? References(RunContext run, EndpointDefinition endpoint, string? site)
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
            var siteFilter = endpoint.SiteScoped && site is not null && check.Columns.Contains("siteid") ? " AND f.siteid = $site" : "";
            using var command = SqliteCommands.Create(connection, null,
                $"SELECT COUNT(*), COUNT(DISTINCT {distinct}) FROM \"{from}\" f WHERE f.deleted_at IS NULL AND f.\"{check.Columns[0]}\" IS NOT NULL{siteFilter} " +
                $"AND NOT EXISTS (SELECT 1 FROM \"{check.To.Name}\" t WHERE {join} AND t.deleted_at IS NULL)",
                ("$site", site));
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
