using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

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
    RunStore store,
    ReplicaDatabase database,
    MaximoOptions maximo,
    SyncOptions sync,
    TimeProvider time)
{
    public async Task<SyncRunStatus> RunAsync(RunContext run, EndpointDefinition endpoint, string? site, SyncMode mode, bool force, CancellationToken cancellationToken)
    {
        var siteKey = endpoint.SiteScoped ? site ?? "" : "";
        var state = store.GetState(endpoint.Slug, siteKey);
        var full = mode == SyncMode.Full || state?.Cursor is null;
        if (full && mode != SyncMode.Full)
        {
            store.SetMode(run.RunId, SyncMode.Full); // the first run of an endpoint reads everything
        }

        run.Observer.RunStarted(new RunStartedEvent(run.RunId, run.ParentRunId, endpoint.Slug, endpoint.SiteScoped ? site : null,
            full ? SyncMode.Full : SyncMode.Incremental, time.GetUtcNow().UtcDateTime));

        var scope = new MaximoQuery { Where = endpoint.Where(endpoint.SiteScoped ? site : null, sync), SavedQuery = sync.SavedQuery.GetValueOrDefault(endpoint.Slug) };
        var changed = full ? scope : ChangedSince(endpoint, scope, state!.Cursor!);

        run.Info($"{(full ? "Full" : "Incremental")} sync of {endpoint.Slug} ({endpoint.ObjectStructure})" +
                 $"{(endpoint.SiteScoped ? $" for site {site}" : "")} from {client.BaseUrl}" +
                 $"{(full ? "" : $", changes since {state!.Cursor}")}.");

        // The next cursor is taken before reading, so that records changed while this run reads are
        // read again next time rather than skipped.
        var nextCursor = await NextCursorAsync(endpoint, scope, full ? null : state!.Cursor, cancellationToken);
        var total = await client.CountAsync(endpoint.ObjectStructure, changed, cancellationToken);
        store.SetTotal(run.RunId, total);
        run.Info($"Maximo has {total:N0} {endpoint.ObjectStructure} record(s) to read.");
        var progress = new ProgressTracker(run, total);
        progress.Report();

        var read = total == 0 ? new ReadResult(0, []) : await ReadAndWriteAsync(run, endpoint, changed, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (read.Records < total)
        {
            run.Warn($"Maximo counted {total:N0} records but {read.Records:N0} were read: records left the filter or were deleted while the sync ran.");
        }

        var schemaReport = SchemaReport(run, read.Untyped);
        var referenceReport = References(run, endpoint, site);
        var swept = 0L;
        using (var connection = database.OpenConnection())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            // The sweep, the cursor and the run's end commit together; log lines wait until after,
            // since they are written on their own connection.
            var refusal = full ? Sweep(run, endpoint, site, force, transaction, out swept) : null;
            if (refusal is not null)
            {
                transaction.Rollback();
                run.LastError = refusal;
            }
            else
            {
                store.SaveSuccess(transaction, endpoint.Slug, siteKey, nextCursor ?? state?.Cursor, full, run.RunId);
                store.Finish(run.RunId, SyncRunStatus.Succeeded, null, schemaReport, referenceReport, transaction);
                transaction.Commit();
            }
        }

        if (run.LastError is not null)
        {
            run.Error(run.LastError);
            store.Finish(run.RunId, SyncRunStatus.Failed, run.LastError, schemaReport, referenceReport);
            return SyncRunStatus.Failed;
        }

        if (swept > 0)
        {
            run.Info($"Marked {swept:N0} {endpoint.Root.Name} row(s) that Maximo no longer has in scope as deleted.");
        }

        run.Info($"Done: {read.Records:N0} records in {run.Elapsed.TotalSeconds:N1} s.");
        return SyncRunStatus.Succeeded;
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
        var reader = new RangeReader(client, endpoint, changed, maximo, run, time);
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
                    var result = writer.WritePage(page.Members, run.RunId, (transaction, written) => store.RecordPage(transaction, run.RunId, written));
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

        progress.Report(force: true);
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
    /// a mass delete). Returns why it refused, having deleted nothing, or null.
    /// </summary>
    private string? Sweep(RunContext run, EndpointDefinition endpoint, string? site, bool force, Microsoft.Data.Sqlite.SqliteTransaction transaction, out long deleted)
    {
        deleted = 0;
        var table = endpoint.Root.Name;
        var scope = $"\"deleted_at\" IS NULL{(endpoint.SiteScoped && site is not null ? " AND siteid = $site" : "")}";
        using var count = RunStore.Command(transaction.Connection!, transaction,
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
            return null;
        }

        var fraction = (double)unseen / live;
        if (fraction > sync.MaxDeleteFraction && !force)
        {
            return $"The full sync would mark {unseen:N0} of {live:N0} {table} rows as deleted ({fraction:P0}), more than " +
                   $"Sync:MaxDeleteFraction ({sync.MaxDeleteFraction:P0}) allows, so nothing was deleted. A partial read from Maximo " +
                   "looks like a mass delete; if Maximo really lost these records, run a full sync with force.";
        }

        using var sweep = RunStore.Command(transaction.Connection!, transaction,
            $"UPDATE \"{table}\" SET deleted_at = $now WHERE {scope} AND sync_run_id IS NOT $run",
            ("$now", time.GetUtcNow().UtcDateTime.ToString(Data.Replica.ReplicaColumns.DateFormat, CultureInfo.InvariantCulture)), ("$run", run.RunId), ("$site", site));
        deleted = sweep.ExecuteNonQuery();
        RunStore.RecordSweep(transaction, run.RunId, table, deleted);
        return null;
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
            using var command = RunStore.Command(connection, null,
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
