using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// A request to sync one endpoint (by slug) or <c>all</c>.
/// </summary>
/// <param name="Site">null: <c>Maximo:DefaultSite</c>, else the API key user's default site.</param>
/// <param name="Full">Read everything in scope and sweep what Maximo no longer has, instead of reading changes.</param>
/// <param name="Force">Let a full sync's sweep delete more than <c>Sync:MaxDeleteFraction</c>.</param>
/// <param name="RequestedBy">Who asks (a signed-in user, the command line's user, the schedule), for the run's audit.</param>
public sealed record SyncRequest(string Endpoint, string? Site = null, bool Full = false, SyncTrigger Trigger = SyncTrigger.Api, bool Force = false, string? RequestedBy = null);

/// <summary>The answer to a request: the run that will do it, and whether it is new or one already under way.</summary>
public sealed record SyncStart(long RunId, bool AlreadyRunning, string Endpoint, string? Site);

/// <summary>A request that cannot be carried out as asked; the message says why and what to do.</summary>
public sealed class SyncRequestException : Exception
{
    public SyncRequestException(string message, SyncRequestProblem problem) : base(message) => Problem = problem;

    public SyncRequestException() { }

    public SyncRequestException(string message) : base(message) { }

    public SyncRequestException(string message, Exception inner) : base(message, inner) { }

    public SyncRequestProblem Problem { get; }
}

public enum SyncRequestProblem
{
    UnknownEndpoint,
    BadSite,
    NoSite,
}
