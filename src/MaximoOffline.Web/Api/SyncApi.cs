using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Web.Jobs;
using MaximoOffline.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MaximoOffline.Web.Api;

/// <summary>The REST API (see docs/ARCHITECTURE.md): start syncs, follow runs, read counts. Errors are RFC 7807 problem details.</summary>
internal static class SyncApi
{
    public static WebApplication MapSyncApi(this WebApplication app)
    {
        // Reading is a Viewer's; starting and cancelling an Operator's.
        var api = app.MapGroup("/api").WithTags("Sync").RequireAuthorization(Policies.Viewer);

        api.MapGet("/endpoints", GetEndpointsAsync)
            .WithSummary("Each endpoint: object structure, state, last run, cursor, row count.");
        api.MapPost("/sync/{slug}", StartAsync)
            .WithSummary("Queue a sync of one endpoint (domain, peruser, locations, assets, wodetail, inventory) or of all of them.")
            .WithDescription("Body (optional): {\"site\": \"KDFAC\", \"full\": false}. Answers 202 with the run id; 409 with the running run's id when the endpoint is already syncing.")
            .AddEndpointFilter<SameOriginFilter>()
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/runs", GetRunsAsync).WithSummary("Run history, newest first.");
        api.MapGet("/runs/{id:long}", GetRunAsync).WithSummary("One run with its per-table counts.");
        api.MapGet("/runs/{id:long}/log", GetLogAsync).WithSummary("A run's log lines after a sequence number.");
        api.MapPost("/runs/{id:long}/cancel", Cancel)
            .WithSummary("Cancel a run: it ends Cancelled at its next page boundary; pages already written stay.")
            .AddEndpointFilter<SameOriginFilter>()
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/tables", (RunQueries runs) => TypedResults.Ok(runs.Tables()))
            .WithSummary("Live and soft-deleted rows per replica table.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<EndpointDto>>> GetEndpointsAsync(RunQueries runs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runs.EndpointsAsync(cancellationToken));

    /// <remarks>A bad request (unknown endpoint, bad site) throws; the exception handler answers with its problem details.</remarks>
    private static async Task<Results<Accepted<SyncAccepted>, Conflict<SyncConflict>>> StartAsync(
        string slug, [FromBody] SyncBody? body, SyncStarter starter, HttpContext http, CancellationToken cancellationToken)
    {
        body ??= new SyncBody();
        // The dashboard marks its requests, so that run history can tell a click from a script.
        var trigger = http.Request.Headers["X-Sync-Trigger"] == "ui" ? SyncTrigger.Ui : SyncTrigger.Api;
        var (start, jobId) = await starter.StartAsync(new SyncRequest(slug, body.Site, body.Full, trigger, body.Force, Who.Of(http.User)), cancellationToken);

        if (start.AlreadyRunning)
        {
            return TypedResults.Conflict(new SyncConflict(start.RunId, start.Endpoint, $"{start.Endpoint} is already syncing in run {start.RunId}."));
        }

        return TypedResults.Accepted($"/api/runs/{start.RunId}", new SyncAccepted(start.RunId, jobId, start.Endpoint, start.Site));
    }

    private static async Task<Ok<IReadOnlyList<RunDto>>> GetRunsAsync(RunQueries runs, int? limit, string? endpoint, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runs.RunsAsync(limit ?? 50, endpoint, cancellationToken));

    private static async Task<Results<Ok<RunDto>, ProblemHttpResult>> GetRunAsync(long id, RunQueries runs, CancellationToken cancellationToken) =>
        await runs.RunAsync(id, cancellationToken) is { } run ? TypedResults.Ok(run) : NoSuchRun(id);

    private static async Task<Results<Ok<IReadOnlyList<LogLineDto>>, ProblemHttpResult>> GetLogAsync(long id, long? after, int? limit, RunQueries runs, CancellationToken cancellationToken) =>
        await runs.RunAsync(id, cancellationToken) is null
            ? NoSuchRun(id)
            : TypedResults.Ok(await runs.LogAsync(id, after ?? 0, limit ?? 1000, cancellationToken));

    private static Results<Accepted<RunStatusDto>, ProblemHttpResult> Cancel(long id, SyncService sync, HttpContext http)
    {
        var status = sync.Cancel(id, Who.Of(http.User));
        return status switch
        {
            null => NoSuchRun(id),
            { } ended when !ended.IsActive() && ended != SyncRunStatus.Cancelled =>
                TypedResults.Problem($"Run {id} already ended ({status}).", statusCode: StatusCodes.Status409Conflict, title: "Run already ended"),
            _ => TypedResults.Accepted($"/api/runs/{id}", new RunStatusDto(id, RunStatusText.Of(status.Value))),
        };
    }

    private static ProblemHttpResult NoSuchRun(long id) =>
        TypedResults.Problem($"There is no sync run {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown run");
}

public sealed record RunStatusDto(long RunId, string Status);
