namespace MaximoOffline.Data.Bookkeeping;

/// <summary>Where an endpoint's sync stands for one site: the cursor an incremental run starts from.</summary>
public sealed class SyncState
{
    public required string Endpoint { get; set; }

    /// <summary>The site, or an empty string for endpoints that are not filtered by site.</summary>
    public required string Site { get; set; }

    /// <summary>A changedate (UTC, ISO-8601) or a rowstamp, depending on the endpoint's cursor kind.</summary>
    public string? Cursor { get; set; }

    public DateTime? LastFullSyncAt { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    public long? LastRunId { get; set; }
}
