using System.Text.Json;
using System.Threading.Channels;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Runs one endpoint: reads the records in scope (all of them, or those changed since the cursor)
/// and writes them page by page through one writer, one transaction per page. It reads keyset ranges
/// of the unique id, several at a time, and checks the order the server answers in; a server that
/// ignores it is read through a stable snapshot instead. A full read ends with the guarded
/// soft-delete sweep. The cursor advances only when the run succeeds, to a value taken before
/// reading began, so nothing changed during the run is skipped next time.
/// </summary>
internal sealed class EndpointSyncer(
    MaximoClient client,
    RunQueue queue,
    RunCounters counters,
    SyncCursors cursors,
    ReplicaStore database,
    ReplicaChecks checks,
    IOptions<MaximoOptions> maximoOptions,
    IOptions<SyncOptions> syncOptions,
    TimeProvider time)
{
    private readonly MaximoOptions maximo = maximoOptions.Value;
    private readonly SyncOptions sync = syncOptions.Value;
    private readonly CursorProbe cursorProbe = new(client, maximoOptions.Value, syncOptions.Value);
    private readonly SelectProbe selectProbe = new(client, syncOptions.Value);
    private readonly FilterLeavers leavers = new(client, database, syncOptions.Value);

    /// <summary>What a run of one endpoint will do: read everything, or what changed since the cursor.</summary>
    public sealed record Plan(EndpointDefinition Endpoint, string? Site, SyncState? State, bool Full, bool Force)
    {
        /// <summary>The key of the endpoint's cursor: its site, or "" for endpoints not filtered by site.</summary>
        public string SiteKey => Endpoint.SiteScoped ? Site ?? "" : "";

        public SyncMode Mode => Full ? SyncMode.Full : SyncMode.Incremental;
    }

    /// <summary>
    /// Decides the run's mode: an incremental request reads everything when the endpoint has no cursor
    /// yet, or when its last full sync is older than <c>Sync:FullEvery:&lt;slug&gt;</c> (children that
    /// changed alone are seen only by a full read).
    /// </summary>
    public Plan PlanRun(RunContext run, EndpointDefinition endpoint, RunRequest request)
    {
        var site = endpoint.SiteScoped ? request.Site : null;
        var state = cursors.Get(endpoint.Slug, endpoint.SiteScoped ? site ?? "" : "");
        var full = request.Mode == SyncMode.Full || state?.Cursor is null;
        if (!full && sync.FullSyncInterval(endpoint.Slug) is { } every)
        {
            var lastFull = state!.LastFullSyncAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null;
            if (lastFull is null || time.GetUtcNow().UtcDateTime - lastFull > every)
            {
                full = true;
                run.Info($"The last full sync of {endpoint.Slug} was {(lastFull is null ? "never" : $"at {lastFull:u}")}, longer ago than " +
                         $"Sync:FullEvery:{endpoint.Slug} ({Durations.Describe(every)}): this run reads everything, so that children that changed " +
                         "without their parent are read too.");
            }
        }

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
        var changed = full ? scope : cursorProbe.ChangedSince(endpoint, scope, state!.Cursor!);

        run.Info($"{(full ? "Full" : "Incremental")} sync of {endpoint.Slug} ({endpoint.ObjectStructure})" +
                 $"{(endpoint.SiteScoped ? $" for site {site}" : "")} from {client.BaseUrl}" +
                 $"{(full ? "" : $", changes since {state!.Cursor}")}.");

        // What the server has, where the next run starts (taken before reading, so that records changed
        // while this run reads are read again next time), how many records and which ids: asked at once.
        // The first to fail stops the others: one explanation, and no retries spent on a lost cause.
        // Beside them goes the read's first page, with the select the schema most likely allows, so that
        // their round trip also brings records.
        using var probes = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var reading = new EndpointRead(client, maximo, run, endpoint, changed);
        reading.StartFirstPage(selectProbe.Expected(endpoint), probes.Token);
        var selecting = Probe(selectProbe.PlanAsync(run, endpoint, probes.Token), probes);
        var nextCursor = Probe(cursorProbe.NextAsync(endpoint, scope, full ? null : state!.Cursor, probes.Token), probes);
        var counting = Probe(client.CountAsync(endpoint.ObjectStructure, changed, probes.Token), probes);
        var lowest = Probe(reading.EdgeAsync(ascending: true, probes.Token), probes);
        var highest = Probe(reading.EdgeAsync(ascending: false, probes.Token), probes);
        await WhenAllOrFirstFailure(selecting, nextCursor, counting, lowest, highest);

        // What changed out of the filter is asked beside the read of what changed within it.
        var leaving = full || !leavers.Applies(endpoint)
            ? Task.FromResult<LeftFilter?>(null)
            : LeaversAsync(run, endpoint, site, state!.Cursor!, cancellationToken);
        var (select, total) = (await selecting, await counting);

        counters.SetTotal(run.RunId, total);
        run.Info($"Maximo has {total:N0} {endpoint.ObjectStructure} record(s) to read.");
        var progress = new ProgressTracker(run, total);
        progress.Report();

        using var connection = database.OpenConnection();
        using var writer = database.CreateWriter(connection, endpoint.Root, SelectClause.Tables(endpoint.Root, select.ChildPaths), time);
        var sink = new PageSink(writer, counters, run, progress);
        var read = "nothing to read";
        if (total > 0 && await lowest is { } min && await highest is { } max)
        {
            read = await reading.ReadAsync(select.Select, sink, (min, max, total), cancellationToken);
            writer.Settle();
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress.Report();
        if (sink.Records < total)
        {
            run.Warn($"Maximo counted {total:N0} records but {sink.Records:N0} were read: records left the filter or were deleted while the sync ran.");
        }

        var cursor = await nextCursor ?? state?.Cursor;
        var left = await leaving;
        await run.EarlierEnded.WaitAsync(cancellationToken);
        return RunOutcome.Succeeded("", transaction =>
        {
            var swept = full ? checks.Sweep(run, plan, transaction) : 0;
            var gone = left is null ? 0 : checks.MarkLeftFilter(run, plan, left, transaction);
            cursors.SaveSuccess(transaction, endpoint.Slug, plan.SiteKey, cursor, full, run.RunId);
            return (swept > 0 ? $"Marked {swept:N0} {endpoint.Root.Name} row(s) that Maximo no longer has in scope as deleted. " : "") +
                   (gone > 0 ? $"{gone:N0} {endpoint.Records} left the filter ({string.Join(", ", left!.Reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value:N0}"))}). " : "") +
                   $"Done: {sink.Records:N0} records in {run.Elapsed.TotalSeconds:N1} s.";
        }) with
        {
            SchemaReport = SchemaReport(run, sink.Untyped, select, read, left),
            ReferenceReport = checks.References(run, endpoint, site),
        };
    }

    /// <summary>The records that changed out of the endpoint's filter since <paramref name="cursor"/>.</summary>
    private async Task<LeftFilter?> LeaversAsync(RunContext run, EndpointDefinition endpoint, string? site, string cursor, CancellationToken cancellationToken) =>
        await leavers.FindAsync(run, endpoint, site, cursorProbe.ChangedSince(endpoint, new MaximoQuery { Where = endpoint.SiteWhere(site) }, cursor), cancellationToken);

    private static async Task<T> Probe<T>(Task<T> probe, CancellationTokenSource all)
    {
        try
        {
            return await probe;
        }
        catch
        {
            await all.CancelAsync();
            throw;
        }
    }

    /// <summary>Waits for every task; throws the first real failure rather than the cancellations it caused in the others.</summary>
    private static async Task WhenAllOrFirstFailure(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            var failure = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }
    }

    /// <summary>
    /// Per table, the attributes only raw holds; then, under keys starting with <c>_</c> (no table's
    /// name does), the select the run read with, the children the server lacks, and how it read.
    /// </summary>
    private static string SchemaReport(RunContext run, IReadOnlyDictionary<string, SortedSet<string>> untyped, SelectPlan select, string read, LeftFilter? left)
    {
        if (untyped.Count > 0)
        {
            run.Log(SyncLogLevel.Debug, "Attributes kept only in raw (no typed column): " +
                                        string.Join(", ", untyped.Select(kv => $"{kv.Key} {kv.Value.Count}")) + ".");
        }

        var report = untyped.ToDictionary(kv => kv.Key, kv => (object)kv.Value.ToArray());
        report["_select"] = select.Select;
        report["_selectSource"] = select.Source;
        report["_missingChildren"] = select.Dropped;
        report["_read"] = read;
        if (left is not null)
        {
            report["_leftFilter"] = left.Ids.Count;
        }

        return JsonSerializer.Serialize(report);
    }
}
