namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// The text each run status is stored as in <c>sync_run.status</c>: the one mapping between the enum
/// and the database, used by EF Core's model and by every statement of the bookkeeping gateway.
/// </summary>
public static class RunStatusText
{
    public static string Of(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Queued => "Queued",
        SyncRunStatus.Running => "Running",
        SyncRunStatus.Succeeded => "Succeeded",
        SyncRunStatus.Failed => "Failed",
        SyncRunStatus.Cancelled => "Cancelled",
        SyncRunStatus.Interrupted => "Interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static SyncRunStatus Parse(string text)
    {
        foreach (var status in Enum.GetValues<SyncRunStatus>())
        {
            if (Of(status) == text)
            {
                return status;
            }
        }

        throw new FormatException($"'{text}' is not a sync run status.");
    }

    /// <summary>Queued or running: the run holds its endpoint's lease.</summary>
    public static bool IsActive(this SyncRunStatus status) => status is SyncRunStatus.Queued or SyncRunStatus.Running;
}
