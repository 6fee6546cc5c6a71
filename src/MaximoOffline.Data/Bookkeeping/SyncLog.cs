namespace MaximoOffline.Data.Bookkeeping;

/// <summary>A log line of a run; <see cref="Seq"/> orders a run's lines and lets a watcher catch up.</summary>
public sealed class SyncLog
{
    public long RunId { get; set; }

    public long Seq { get; set; }

    public DateTime Time { get; set; }

    public SyncLogLevel Level { get; set; }

    public required string Message { get; set; }
}

public enum SyncLogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}
