using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using System.Data.Common;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// How a run ended, as <see cref="RunEnding"/> records it. A run that read everything succeeds only
/// when what it commits with its end (the sweep, the cursor) commits too; that step may still refuse.
/// </summary>
internal sealed record RunOutcome(SyncRunStatus Status, string? Error, string Message)
{
    public string? SchemaReport { get; init; }

    public string? ReferenceReport { get; init; }

    /// <summary>Writes what a successful run saves with its end, in the same transaction; returns the line to log once committed.</summary>
    public Func<DbTransaction, string>? Commit { get; init; }

    public static RunOutcome Succeeded(string message, Func<DbTransaction, string>? commit = null) =>
        new(SyncRunStatus.Succeeded, null, message) { Commit = commit };

    public static RunOutcome Failed(string error) => new(SyncRunStatus.Failed, error, error);

    public static RunOutcome Cancelled(string note) => new(SyncRunStatus.Cancelled, "Cancelled by a user or a shutdown.", note);

    /// <summary>A run its node's shutdown stopped on a team server (see <see cref="IRunHandover"/>).</summary>
    public static RunOutcome HandedOver() => new(SyncRunStatus.Interrupted, RunLease.HandedOverMessage,
        "This node is stopping: the sync stops here, and another node of the team server runs it again. The pages written before are kept.");

    /// <summary>
    /// The outcome an exception means: a cancel asked for, a failure that explains itself, or an
    /// unexpected one (its message kept; the caller logs the stack).
    /// </summary>
    public static RunOutcome From(Exception e, bool cancelRequested, string cancelNote) => e switch
    {
        OperationCanceledException when cancelRequested => Cancelled(cancelNote),
        _ when Explains(e) => Failed(e.Message),
        _ => Failed($"Unexpected error: {e.Message}"),
    };

    /// <summary>Failures whose message already tells a user what went wrong and what to do.</summary>
    public static bool Explains(Exception e) =>
        e is MaximoException or ReplicaWriteException or ReplicaDatabaseException or SyncRequestException or SyncRefusedException;
}

/// <summary>A run that could go on but must not: its message says why nothing was done and what to do.</summary>
public sealed class SyncRefusedException : Exception
{
    public SyncRefusedException() { }

    public SyncRefusedException(string message) : base(message) { }

    public SyncRefusedException(string message, Exception inner) : base(message, inner) { }
}
