namespace MaximoOffline.Data.Bookkeeping;

/// <summary>What a run was asked to do, as recorded when it was queued.</summary>
/// <param name="Endpoint">An endpoint slug, or <c>all</c>.</param>
/// <param name="ParentRunId">For an endpoint run that an <c>all</c> run started, that run.</param>
/// <param name="Force">A full sync allowed to sweep more than <c>Sync:MaxDeleteFraction</c>.</param>
/// <param name="RequestedBy">Who asked for it (recorded in <c>sync_run.requested_by</c>).</param>
public sealed record RunRequest(string Endpoint, string? Site, SyncMode Mode, SyncTrigger Trigger, long? ParentRunId = null, bool Force = false, string? RequestedBy = null);
