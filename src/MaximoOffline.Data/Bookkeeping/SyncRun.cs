namespace MaximoOffline.Data.Bookkeeping;

/// <summary>One sync of one endpoint (or of <c>all</c>): what was asked, how it went, what it wrote.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }

    /// <summary>Endpoint slug (<c>assets</c>, …) or <c>all</c>.</summary>
    public required string Endpoint { get; set; }

    public string? Site { get; set; }

    public SyncMode Mode { get; set; }

    public SyncTrigger Trigger { get; set; }

    /// <summary>A full sync allowed to sweep more than <c>Sync:MaxDeleteFraction</c>.</summary>
    public bool Force { get; set; }

    /// <summary>A user asked to cancel; the process running it stops at the next page boundary.</summary>
    public bool CancelRequested { get; set; }

    public SyncRunStatus Status { get; set; }

    /// <summary>Who asked for the run: a signed-in user's name, <c>local user</c>, the command line's user, or the schedule.</summary>
    public string? RequestedBy { get; set; }

    /// <summary>Who asked to cancel it, when someone did.</summary>
    public string? CancelledBy { get; set; }

    /// <summary>For an endpoint run started by a <c>all</c> run, that run.</summary>
    public long? ParentRunId { get; set; }

    /// <summary>The background job that executes the run, when there is one.</summary>
    public string? JobId { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The process that holds the run's lease: <c>{machine}/{process id}/{process start ticks}</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>Last sign of life of the process running it: a run whose heartbeat stops is interrupted.</summary>
    public DateTime? HeartbeatAt { get; set; }

    /// <summary>Records in scope as Maximo counted them at the start, when known.</summary>
    public long? TotalRecords { get; set; }

    public int Pages { get; set; }

    public long RecordsFetched { get; set; }

    public long RecordsInserted { get; set; }

    public long RecordsUpdated { get; set; }

    public long RecordsDeleted { get; set; }

    public string? Error { get; set; }

    /// <summary>JSON: per table, the attributes seen that have no typed column.</summary>
    public string? SchemaReport { get; set; }

    /// <summary>
    /// Rows an incremental run marked deleted because they changed out of the endpoint's filter (from the
    /// schema report); null when the run did not look.
    /// </summary>
    public long? LeftFilter
    {
        get
        {
            if (SchemaReport is not { Length: > 0 } report)
            {
                return null;
            }

            using var document = System.Text.Json.JsonDocument.Parse(report);
            return document.RootElement.TryGetProperty("_leftFilter", out var left) && left.TryGetInt64(out var count) ? count : null;
        }
    }

    /// <summary>JSON: references to rows that are not in the replica, counted per kind.</summary>
    public string? ReferenceReport { get; set; }

    public List<SyncRunTable> Tables { get; } = [];
}

public enum SyncMode
{
    Incremental,
    Full,
}

public enum SyncTrigger
{
    Ui,
    Api,
    Cli,
    Schedule,
}

public enum SyncRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Interrupted,
}
