using MaximoOffline.Data.Database;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Engine;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MaximoOffline.Web.Hosting;

/// <summary>
/// What the exceptions a request can meet mean to a user: the one mapping from an exception to a
/// status, a title and an explanation, shared by the API (through <see cref="ProblemExceptionHandler"/>)
/// and the dashboard's form posts (which show the explanation).
/// </summary>
internal static class Problems
{
    /// <summary>The problem an exception stands for, or null for one that is a bug (a 500 without details).</summary>
    public static ProblemDetails? From(Exception exception) => exception switch
    {
        SyncRequestException { Problem: SyncRequestProblem.UnknownEndpoint } e => Create(StatusCodes.Status404NotFound, "Unknown endpoint", e.Message),
        SyncRequestException { Problem: SyncRequestProblem.BadSite } e => Create(StatusCodes.Status400BadRequest, "Bad site", e.Message),
        SyncRequestException e => Create(StatusCodes.Status400BadRequest, "No site", e.Message),
        MaximoException e => Create(StatusCodes.Status502BadGateway, "Maximo could not be asked for the default site", e.Message),
        WorkspaceRequestException { Problem: WorkspaceProblem.UnknownKind } e => Create(StatusCodes.Status404NotFound, "Unknown kind", e.Message),
        WorkspaceRequestException e => Create(StatusCodes.Status400BadRequest, "Bad parameter", e.Message),
        ReplicaDatabaseException e => Create(StatusCodes.Status503ServiceUnavailable, "The replica cannot be used", e.Message),
        _ => null,
    };

    /// <summary>An oversized body is refused before it is read: a sync request is a few fields.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public static ProblemDetails BodyTooLarge() =>
        Create(StatusCodes.Status400BadRequest, "Body too large", $"The request body is over {MaxBodyBytes / 1024} KB; a sync request is a few fields.");

    private static ProblemDetails Create(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}

/// <summary>Writes the problem an exception stands for (see <see cref="Problems"/>) as RFC 7807 problem details.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Problems.From(exception) is not { } problem)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}

internal static class RequestLimits
{
    /// <summary>
    /// API request bodies over <see cref="Problems.MaxBodyBytes"/> are refused: by their declared length
    /// before anything is read (400), and chunked ones as they reach the limit.
    /// </summary>
    public static WebApplication UseApiBodyLimit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                if (context.Request.ContentLength > Problems.MaxBodyBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                        .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Problems.BodyTooLarge() });
                    return;
                }

                if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = Problems.MaxBodyBytes;
                }
            }

            await next(context);
        });
        return app;
    }
}
