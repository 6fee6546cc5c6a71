using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Starts and runs syncs: the one entry point the web app, its jobs and the command line share.
/// <see cref="RequestAsync"/> validates a request and queues a run (or returns the one already under
/// way); <see cref="ExecuteAsync"/> carries a queued run out.
/// </summary>
public sealed class SyncService(
    MaximoClient client,
    RunStore store,
    ReplicaDatabase database,
    IOptions<MaximoOptions> maximo,
    IOptions<SyncOptions> sync,
    ISyncObserver observer,
    TimeProvider time,
    ILogger<SyncService> logger)
{
    /// <summary>Validates the request, resolves the site, and queues a run unless one of the endpoint is already queued or running.</summary>
    public async Task<SyncStart> RequestAsync(SyncRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slug = request.Endpoint.Trim().ToLowerInvariant();
        var endpoint = EndpointCatalog.Find(slug);
        if (endpoint is null && slug != EndpointCatalog.All)
        {
            throw new SyncRequestException(
                $"There is no endpoint '{Shorten(request.Endpoint)}'. Use one of: {string.Join(", ", EndpointCatalog.Slugs)}, or all.", SyncRequestProblem.UnknownEndpoint);
        }

        var needsSite = endpoint?.SiteScoped ?? true;
        var site = needsSite ? await ResolveSiteAsync(request.Site, cancellationToken) : null;
        var mode = request.Full ? SyncMode.Full : SyncMode.Incremental;
        var (runId, created) = store.Claim(slug, site, mode, request.Trigger, force: request.Force);
        return new SyncStart(runId, !created, slug, site);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, CancellationTokenSource> _running = new();

    /// <summary>
    /// Asks a run to stop (see <see cref="RunStore.RequestCancel"/>). A run executing in this process
    /// stops at once at its next page boundary; one in another process within a second.
    /// </summary>
    public SyncRunStatus? Cancel(long runId)
    {
        var status = store.RequestCancel(runId);
        if (_running.TryGetValue(runId, out var cancel))
        {
            cancel.Cancel();
        }

        return status;
    }

    /// <summary>Validates a site a user typed, without asking Maximo.</summary>
    public static string ValidateSite(string site) =>
        SiteId.TryParse(site, out var valid, out var error) ? valid : throw new SyncRequestException(error, SyncRequestProblem.BadSite);

    private async Task<string> ResolveSiteAsync(string? requested, CancellationToken cancellationToken)
    {
        if (requested is not null)
        {
            return ValidateSite(requested);
        }

        if (!string.IsNullOrWhiteSpace(maximo.Value.DefaultSite))
        {
            return ValidateSite(maximo.Value.DefaultSite);
        }

        var (_, defaultSite) = await client.WhoAmIAsync(cancellationToken);
        return defaultSite is not null && SiteId.TryParse(defaultSite, out var site, out _)
            ? site
            : throw new SyncRequestException("No site was given, Maximo:DefaultSite is not set, and the Maximo user has no default site: name a site.", SyncRequestProblem.NoSite);
    }

    /// <summary>
    /// Runs a queued run to its end and returns how it ended. A run that is no longer queued
    /// (cancelled before it started, or interrupted by a crash) is not run again.
    /// </summary>
    public async Task<SyncRunStatus> ExecuteAsync(long runId, CancellationToken cancellationToken = default)
    {
        var request = store.Request(runId) ?? throw new InvalidOperationException($"There is no sync run {runId}.");
        if (!store.Start(runId))
        {
            logger.LogWarning("Sync run {RunId} is {Status}, not queued; it is not run again.", runId, store.Status(runId));
            return store.Status(runId) ?? SyncRunStatus.Failed;
        }

        // A cancel can come from the caller (a shutdown, Hangfire) or from any process through the database.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running[runId] = cancel;
        try
        {
            using var heartbeat = new Timer(_ => Beat(runId, cancel), null, CancelPollInterval, CancelPollInterval);
            var run = new RunContext(runId, request.ParentRunId, request.Endpoint, store, observer);
            if (request.Endpoint == EndpointCatalog.All)
            {
                observer.RunStarted(new RunStartedEvent(runId, null, request.Endpoint, request.Site, request.Mode, time.GetUtcNow().UtcDateTime));
                return await RunAllAsync(run, request, cancel.Token);
            }

            return await RunOneAsync(run, EndpointCatalog.Find(request.Endpoint)!, request.Site, request.Mode, request.Force, cancel.Token);
        }
        finally
        {
            _running.TryRemove(runId, out _);
        }
    }

    private static readonly TimeSpan CancelPollInterval = TimeSpan.FromSeconds(1);
    // One lease renewal per interval for all of this process's runs (the update covers them all).
    private DateTimeOffset _lastBeat;

    private void Beat(long runId, CancellationTokenSource cancel)
    {
#pragma warning disable CA1031 // A missed heartbeat is retried on the next tick; it must not crash the process.
        try
        {
            if (store.IsCancelRequested(runId))
            {
                cancel.Cancel();
            }

            var now = time.GetUtcNow();
            if (now - _lastBeat >= RunStore.HeartbeatInterval)
            {
                _lastBeat = now;
                store.Heartbeat();
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not renew the sync lease.");
        }
#pragma warning restore CA1031
    }

    private async Task<SyncRunStatus> RunOneAsync(RunContext run, EndpointDefinition endpoint, string? site, SyncMode mode, bool force, CancellationToken cancellationToken)
    {
        var syncer = new EndpointSyncer(client, store, database, maximo.Value, sync.Value, time);
        SyncRunStatus status;
        string? error = null;
        try
        {
            status = await syncer.RunAsync(run, endpoint, site, mode, force, cancellationToken);
            error = status == SyncRunStatus.Succeeded ? null : run.LastError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = SyncRunStatus.Cancelled;
            run.Warn("Cancelled. The pages written before are kept; the next sync picks up from the last completed one.");
            store.Finish(run.RunId, status, "Cancelled by a user or a shutdown.");
        }
        catch (Exception e) when (e is MaximoException or Data.Writing.ReplicaWriteException or ReplicaDatabaseException or SyncRequestException)
        {
            status = SyncRunStatus.Failed;
            error = e.Message;
            run.Error(e.Message);
            store.Finish(run.RunId, status, e.Message);
        }
#pragma warning disable CA1031 // Any other failure still ends the run as Failed, with its message, rather than leaving it Running.
        catch (Exception e)
        {
            status = SyncRunStatus.Failed;
            error = $"Unexpected error: {e.Message}";
            logger.LogError(e, "Sync run {RunId} of {Endpoint} failed unexpectedly.", run.RunId, run.Endpoint);
            run.Error(error);
            store.Finish(run.RunId, status, error);
        }
#pragma warning restore CA1031

        observer.RunFinished(new RunFinishedEvent(run.RunId, run.ParentRunId, run.Endpoint, status, error, RecordsOf(run.RunId), run.Elapsed));
        return status;
    }

    /// <summary>Every endpoint in dependency order. One that is already syncing elsewhere is waited for, never run twice at once.</summary>
    private async Task<SyncRunStatus> RunAllAsync(RunContext all, RunRequest request, CancellationToken cancellationToken)
    {
        var (site, mode, force) = (request.Site, request.Mode, request.Force);
        var failed = new List<string>();
        var status = SyncRunStatus.Succeeded;
        try
        {
            all.Info($"Syncing all endpoints{(site is null ? "" : $" for site {site}")}: {string.Join(", ", EndpointCatalog.Slugs)}.");
            foreach (var endpoint in EndpointCatalog.DependencyOrder)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long childId;
                while (true)
                {
                    var (id, created) = store.Claim(endpoint.Slug, endpoint.SiteScoped ? site : null, mode, request.Trigger, all.RunId, force);
                    if (created)
                    {
                        childId = id;
                        break;
                    }

                    all.Info($"{endpoint.Slug} is already syncing in run {id}; waiting for it to finish.");
                    while (store.IsActive(endpoint.Slug))
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
                    }
                }

                if (!store.Start(childId))
                {
                    continue;
                }

                var child = new RunContext(childId, all.RunId, endpoint.Slug, store, observer) { ParentLog = all.Log };
                var result = await RunOneAsync(child, endpoint, endpoint.SiteScoped ? site : null, mode, force, cancellationToken);
                store.RollUp(all.RunId, childId);
                if (result == SyncRunStatus.Cancelled)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                if (result != SyncRunStatus.Succeeded)
                {
                    failed.Add(endpoint.Slug);
                }
            }

            if (failed.Count > 0)
            {
                status = SyncRunStatus.Failed;
                all.LastError = $"{failed.Count} of {EndpointCatalog.DependencyOrder.Count} endpoints failed: {string.Join(", ", failed)}. See their runs for the reason.";
                all.Error(all.LastError);
            }
            else
            {
                all.Info($"All endpoints synced in {all.Elapsed.TotalSeconds:N1} s.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = SyncRunStatus.Cancelled;
            all.LastError = "Cancelled by a user or a shutdown.";
            all.Warn("Cancelled. The endpoints and pages completed before are kept.");
        }

        store.Finish(all.RunId, status, all.LastError);
        observer.RunFinished(new RunFinishedEvent(all.RunId, null, EndpointCatalog.All, status, all.LastError, RecordsOf(all.RunId), all.Elapsed));
        return status;
    }

    private long RecordsOf(long runId)
    {
        using var connection = database.OpenConnection();
        using var command = RunStore.Command(connection, null, "SELECT records_fetched FROM sync_run WHERE id = $id", ("$id", runId));
        return command.ExecuteScalar() is long n ? n : 0;
    }

    private static string Shorten(string text)
    {
        var printable = new string([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 40 ? printable + "…" : printable;
    }
}
