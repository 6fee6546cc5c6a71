namespace MaximoOffline.Data.Replica;

/// <summary>The bookkeeping columns every replica row carries besides its typed columns.</summary>
public static class ReplicaColumns
{
    /// <summary>Maximo's <c>_rowstamp</c> as an integer.</summary>
    public const string Rowstamp = "rowstamp";

    /// <summary>The complete JSON object as Maximo sent it, child arrays removed.</summary>
    public const string Raw = "raw";

    /// <summary>When this row was last written (UTC).</summary>
    public const string SyncedAt = "synced_at";

    /// <summary>The sync run that last wrote this row.</summary>
    public const string SyncRunId = "sync_run_id";

    /// <summary>Set when a full sync no longer saw the row, or another row took its natural key.</summary>
    public const string DeletedAt = "deleted_at";

    /// <summary>The text format of dates in typed columns and bookkeeping: UTC, sortable, understood by SQLite's date functions.</summary>
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Key of a child that carries no unique id: <c>{parent key}/{position}</c>.</summary>
    public const string RowKey = "rowkey";
}
