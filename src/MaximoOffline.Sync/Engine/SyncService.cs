using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Starts and runs syncs: the one entry point the web app, its jobs and the command line share.
/// <see cref="RequestAsync"/> validates a request and queues a run (or returns the one already under
/// way); <see cref="ExecuteAsync"/> carries a queued run out, endpoint and <c>all</c> runs alike.
/// </summary>
public sealed class SyncService
{
    private readonly MaximoClient _client;
    private readonly RunQueue _queue;
    private readonly RunLog _log;
    private readonly RunCounters _counters;
    private readonly EndpointSyncer _syncer;
    private readonly RunEnding _ending;
    private readonly ActiveRuns _active;
    private readonly SyncEventStream _events;
    private readonly MaximoOptions _maximo;
    private readonly TimeProvider _time;
    private readonly ILogger<SyncService> _logger;
    private readonly IRunHandover? _handover;

    internal SyncService(MaximoClient client, RunQueue queue, RunLog log, RunCounters counters, EndpointSyncer syncer, RunEnding ending,
        ActiveRuns active, SyncEventStream events, IOptions<MaximoOptions> maximo, TimeProvider time, ILogger<SyncService> logger,
        IRunHandover? handover = null)
    {
        (_client, _queue, _log, _counters, _syncer, _ending, _active, _events) = (client, queue, log, counters, syncer, ending, active, events);
        (_maximo, _time, _logger, _handover) = (maximo.Value, time, logger, handover);
    }

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
        var (runId, created) = _queue.Claim(new RunRequest(slug, site, mode, request.Trigger, Force: request.Force, RequestedBy: request.RequestedBy));
        return new SyncStart(runId, !created, slug, site);
    }

    /// <summary>
    /// Asks a run to stop (see <see cref="RunQueue.RequestCancel"/>). A run executing in this process
    /// stops at its next page boundary at once; one in another process within a second.
    /// <paramref name="by"/> is who asked, for the run's audit.
    /// </summary>
    public SyncRunStatus? Cancel(long runId, string? by = null)
    {
        var status = _queue.RequestCancel(runId, by);
        _active.TryCancel(runId);
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

        if (!string.IsNullOrWhiteSpace(_maximo.DefaultSite))
        {
            return ValidateSite(_maximo.DefaultSite);
        }

        var (_, defaultSite) = await _client.WhoAmIAsync(cancellationToken);
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
        var request = _queue.Request(runId) ?? throw new InvalidOperationException($"There is no sync run {runId}.");
        if (!_queue.Start(runId))
        {
            var status = _queue.Status(runId) ?? SyncRunStatus.Failed;
            _logger.LogWarning("Sync run {RunId} is {Status}, not queued; it is not run again.", runId, status);
            return status;
        }

        return await RunAsync(new RunContext(runId, request.ParentRunId, request.Endpoint, _log, _events), request, cancellationToken);
    }

    /// <summary>
    /// The one place a run begins and ends, for an endpoint and for <c>all</c> (whose endpoint runs
    /// come back through here): raises <see cref="RunStartedEvent"/>, runs it, and hands its outcome,
    /// however it came about, to <see cref="RunEnding"/>.
    /// </summary>
    private async Task<SyncRunStatus> RunAsync(RunContext run, RunRequest request, CancellationToken cancellationToken)
    {
        // A cancel can come from the caller (a shutdown, Hangfire) or from any process through the database.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var tracked = _active.Track(run.RunId, cancel);
        var endpoint = EndpointCatalog.Find(request.Endpoint);
        var cancelNote = endpoint is null
            ? "Cancelled. The endpoints and pages completed before are kept."
            : "Cancelled. The pages written before are kept; the next sync picks up from the last completed one.";
        RunOutcome outcome;
        Exception? cause = null;
        try
        {
            var plan = endpoint is null ? null : _syncer.PlanRun(run, endpoint, request);
            _events.RunStarted(new RunStartedEvent(run.RunId, run.ParentRunId, request.Endpoint, request.Site, plan?.Mode ?? request.Mode,
                _time.GetUtcNow().UtcDateTime));
            outcome = plan is null ? await RunAllAsync(run, request, cancel.Token) : await _syncer.RunAsync(run, plan, cancel.Token);
        }
#pragma warning disable CA1031 // Any failure ends the run with its message rather than leaving it Running.
        catch (Exception e)
        {
            cause = e;
            outcome = RunOutcome.From(e, cancel.IsCancellationRequested, cancelNote);
        }
#pragma warning restore CA1031

        if (outcome.Status != SyncRunStatus.Succeeded && cancel.IsCancellationRequested && _handover?.NodeStopping == true
            && _queue.CancelRequested([run.RunId]).Count == 0)
        {
            // Stopped by its node's shutdown, not by a user: another node of the team server runs it again.
            outcome = RunOutcome.HandedOver();
            cause = null;
        }

        return _ending.End(run, outcome, cause);
    }

    /// <summary>
    /// Every endpoint, read side by side so that a far-away Maximo's latency is hidden: they share
    /// <c>Maximo:MaxConcurrentRequests</c> page requests in flight, and each ends (checks its references,
    /// commits its sweep and cursor) after the ones before it in dependency order. An endpoint already
    /// syncing elsewhere is waited for, never run twice at once.
    /// </summary>
    private async Task<RunOutcome> RunAllAsync(RunContext all, RunRequest request, CancellationToken cancellationToken)
    {
        all.Info($"Syncing all endpoints{(request.Site is null ? "" : $" for site {request.Site}")}: {string.Join(", ", EndpointCatalog.Slugs)}.");
        var limit = new RequestLimit(_maximo.MaxConcurrentRequests);
        using var pages = new PageBudget(PageBudgetFor(_maximo));
        var children = EndpointCatalog.DependencyOrder
            .Select(endpoint => (Endpoint: endpoint, Request: request with { Endpoint = endpoint.Slug, Site = endpoint.SiteScoped ? request.Site : null, ParentRunId = all.RunId }))
            .ToList();

        // Claimed in dependency order, so that their run ids follow it; one held elsewhere is claimed when free.
        var claimed = children.Select(c => _queue.Claim(c.Request) is (var id, true) ? id : (long?)null).ToList();
        var earlier = Task.CompletedTask;
        var running = new List<Task<SyncRunStatus>>();
        for (var i = 0; i < children.Count; i++)
        {
            var (endpoint, childRequest) = children[i];
            var child = RunChildAsync(all, endpoint, childRequest, claimed[i], limit, pages, earlier, cancellationToken);
            running.Add(child);
            earlier = child.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        var results = await Task.WhenAll(running);
        if (results.Contains(SyncRunStatus.Cancelled))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        var failed = children.Where((_, i) => results[i] is not (SyncRunStatus.Succeeded or SyncRunStatus.Queued)).Select(c => c.Endpoint.Slug).ToList();
        return failed.Count > 0
            ? RunOutcome.Failed($"{failed.Count} of {EndpointCatalog.DependencyOrder.Count} endpoints failed: {string.Join(", ", failed)}. See their runs for the reason.")
            : RunOutcome.Succeeded($"All endpoints synced in {all.Elapsed.TotalSeconds:N1} s.");
    }

    /// <summary>One endpoint of <c>all</c>, from claiming it to its end; Queued when it was no longer there to run.</summary>
    private async Task<SyncRunStatus> RunChildAsync(RunContext all, EndpointDefinition endpoint, RunRequest request, long? claimed, RequestLimit limit,
        PageBudget pages, Task earlierEnded, CancellationToken cancellationToken)
    {
        var childId = claimed ?? await ClaimWhenFreeAsync(all, request, cancellationToken);
        if (!_queue.Start(childId))
        {
            return SyncRunStatus.Queued;
        }

        try
        {
            return await RunAsync(all.Child(childId, endpoint.Slug, limit, pages, earlierEnded), request, cancellationToken);
        }
        finally
        {
            _counters.RollUp(all.RunId, childId);
        }
    }

    /// <summary>
    /// Pages a run may hold: one for each request in flight, and two more fetched and waiting for the
    /// writer (one being written, one next), so that the writer never waits for an answer that has come;
    /// this is what bounds its memory.
    /// </summary>
    internal static int PageBudgetFor(MaximoOptions maximo) => maximo.MaxConcurrentRequests + 2;

    /// <summary>How often <c>all</c> looks whether an endpoint that another run holds is free again.</summary>
    private static readonly TimeSpan BusyEndpointPoll = TimeSpan.FromMilliseconds(500);

    private async Task<long> ClaimWhenFreeAsync(RunContext all, RunRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (id, created) = _queue.Claim(request);
            if (created)
            {
                return id;
            }

            all.Info($"{request.Endpoint} is already syncing in run {id}; waiting for it to finish.");
            while (_queue.IsActive(request.Endpoint))
            {
                await Task.Delay(BusyEndpointPoll, _time, cancellationToken);
            }
        }
    }

    private static string Shorten(string text)
    {
        var printable = new string([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 40 ? printable + "…" : printable;
    }
}
