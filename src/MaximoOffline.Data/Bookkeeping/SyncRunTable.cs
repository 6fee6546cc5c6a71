namespace MaximoOffline.Data.Bookkeeping;

/// <summary>What one run wrote to one replica table.</summary>
public sealed class SyncRunTable
{
    public long RunId { get; set; }

    public required string TableName { get; set; }

    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Deleted { get; set; }
}
