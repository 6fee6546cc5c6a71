using System.Text.Json.Serialization;
using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Cli.Replica;

/// <summary>What the replica says about itself at one moment: what <c>status</c> prints and <c>monitor</c> refreshes.</summary>
internal sealed record ReplicaStatus(
    string Database,
    DateTime ReadAt,
    RunInfo? LastAllRun,
    IReadOnlyList<EndpointStatus> Endpoints,
    IReadOnlyDictionary<string, long> Tables);

/// <summary>One endpoint: its latest run (if any), when it last succeeded, and the live rows of its main table.</summary>
/// <param name="ChildrenAsOf">
/// The last full sync: children that changed without their parent (balances, meter readings, labour)
/// are as Maximo had them then.
/// </param>
internal sealed record EndpointStatus(
    string Slug,
    string ObjectStructure,
    string Table,
    RunInfo? LastRun,
    DateTime? LastSuccessAt,
    DateTime? ChildrenAsOf,
    long Rows);

/// <summary>A row of <c>sync_run</c>, as much of it as a person watching needs.</summary>
/// <param name="Status">The status as the replica stores it (what <c>status --json</c> prints).</param>
internal sealed record RunInfo(
    long Id,
    string Endpoint,
    string Status,
    string? Site,
    string Mode,
    DateTime QueuedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    int Pages,
    long Records,
    long? Total,
    string? Error,
    long? LeftFilter = null)
{
    [JsonIgnore]
    public SyncRunStatus State => RunStatusText.Parse(Status);

    [JsonIgnore]
    public bool IsActive => State.IsActive();

    public static RunInfo From(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunInfo(run.Id, run.Endpoint, RunStatusText.Of(run.Status), run.Site, run.Mode.ToString(), Utc(run.QueuedAt)!.Value,
            Utc(run.StartedAt), Utc(run.FinishedAt), run.Pages, run.RecordsFetched, run.TotalRecords, run.Error, run.LeftFilter);
    }

    /// <summary>The bookkeeping stores UTC without a zone; this says so.</summary>
    public static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    /// <summary>Records per second while running, or over the whole run once it has finished.</summary>
    public double? Rate(DateTime now) => StartedAt is { } started && ((FinishedAt ?? now) - started).TotalSeconds is > 0.5 and var seconds
        ? Records / seconds
        : null;
}

/// <summary>What one run (an endpoint, or <c>all</c> with its endpoint runs) wrote to one table.</summary>
internal sealed record TableChange(string Table, long Inserted, long Updated, long Deleted, long Rows);
