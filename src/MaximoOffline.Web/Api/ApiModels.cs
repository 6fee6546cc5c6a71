using System.Text.Json;
using System.Text.Json.Serialization;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Web.Api;

/// <summary>Body of <c>POST /api/sync/{slug}</c>; every field optional.</summary>
/// <param name="Site">A Maximo site id (letters, digits, _ and -, at most 8); default: Maximo:DefaultSite, else the API key user's default site.</param>
/// <param name="Full">Read everything in scope and mark rows Maximo no longer has as deleted, instead of reading changes.</param>
/// <param name="Force">With full: let the sweep delete more than Sync:MaxDeleteFraction of the rows.</param>
public sealed record SyncBody(string? Site = null, bool Full = false, bool Force = false);

/// <summary>A sync was queued.</summary>
public sealed record SyncAccepted(long RunId, string? JobId, string Endpoint, string? Site);

/// <summary>The endpoint is already syncing: the run under way.</summary>
public sealed record SyncConflict(long RunId, string Endpoint, string Message);

public sealed record TableCountDto(string Table, long Rows, long Deleted);

public sealed record TablesDto(IReadOnlyList<TableCountDto> Tables, DateTime CountedAt);

public sealed record RunTableDto(string Table, long Inserted, long Updated, long Deleted);

public sealed record RunDto(
    long Id, string Endpoint, string? Site, string Mode, string Trigger, string Status, long? ParentRunId, string? JobId,
    DateTime QueuedAt, DateTime? StartedAt, DateTime? FinishedAt, long? TotalRecords, int Pages, long RecordsFetched,
    long RecordsInserted, long RecordsUpdated, long RecordsDeleted, string? Error,
    IReadOnlyList<RunTableDto> Tables, IReadOnlyList<long> Children, JsonElement? SchemaReport, JsonElement? ReferenceReport, long? LeftFilter,
    string? RequestedBy, string? CancelledBy)
{
    public static RunDto From(RunView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return From(view.Run, view.Children);
    }

    public static RunDto From(SyncRun run, IReadOnlyList<long> children) => new(
        run.Id, run.Endpoint, run.Site, run.Mode.ToString(), run.Trigger.ToString(), RunStatusText.Of(run.Status), run.ParentRunId, run.JobId,
        Utc(run.QueuedAt), Utc(run.StartedAt), Utc(run.FinishedAt), run.TotalRecords, run.Pages, run.RecordsFetched,
        run.RecordsInserted, run.RecordsUpdated, run.RecordsDeleted, run.Error,
        [.. run.Tables.OrderBy(t => t.TableName).Select(t => new RunTableDto(t.TableName, t.Inserted, t.Updated, t.Deleted))],
        children, Json(run.SchemaReport), Json(run.ReferenceReport), run.LeftFilter, run.RequestedBy, run.CancelledBy);

    /// <summary>For the page: the run ended in failure.</summary>
    [JsonIgnore]
    public bool HasFailed => Status == RunStatusText.Of(SyncRunStatus.Failed);

    private static JsonElement? Json(string? text) => string.IsNullOrEmpty(text) ? null : JsonDocument.Parse(text).RootElement.Clone();

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    internal static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}

public sealed record LogLineDto(long RunId, long Seq, DateTime Time, string Level, string Message)
{
    public static LogLineDto From(LogEvent e) => new(e.RunId, e.Seq, RunDto.Utc(e.Time), e.Level.ToString(), e.Message);

    public static LogLineDto From(SyncLog l) => new(l.RunId, l.Seq, RunDto.Utc(l.Time), l.Level.ToString(), l.Message);
}

/// <summary>A run's progress, with the rows it has inserted, updated and deleted so far per table.</summary>
public sealed record ProgressDto(long RunId, long? ParentRunId, string Endpoint, int Pages, long Records, long? Total, double RecordsPerSecond, double? Percent,
    double? SecondsLeft, IReadOnlyList<RunTableDto> Tables)
{
    public static ProgressDto From(ProgressEvent e) =>
        new(e.RunId, e.ParentRunId, e.Endpoint, e.Pages, e.Records, e.Total, Math.Round(e.RecordsPerSecond, 1), e.Percent is { } p ? Math.Round(p, 1) : null,
            e.Remaining?.TotalSeconds, [.. e.Tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new RunTableDto(t.Key, t.Value.Inserted, t.Value.Updated, t.Value.Deleted))]);
}

public sealed record RunFinishedDto(long RunId, long? ParentRunId, string Endpoint, string Status, string? Error, long Records, double Seconds)
{
    public static RunFinishedDto From(RunFinishedEvent e) => new(e.RunId, e.ParentRunId, e.Endpoint, RunStatusText.Of(e.Status), e.Error, e.Records, Math.Round(e.Elapsed.TotalSeconds, 1));
}

/// <summary>An endpoint as the dashboard shows it.</summary>
public sealed record EndpointDto(
    string Slug, string ObjectStructure, string State, bool SiteScoped, IReadOnlyList<string> Tables, long Rows,
    RunDto? LastRun, RunDto? ActiveRun, DateTime? LastSuccessAt, DateTime? LastFullSyncAt, string? Cursor, string? CursorSite);
