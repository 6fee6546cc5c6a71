namespace MaximoOffline.Data.Writing;

/// <summary>Rows one write inserted, updated and deleted in one table.</summary>
public sealed class TableCounts
{
    public long Inserted { get; internal set; }

    public long Updated { get; internal set; }

    /// <summary>Children a parent no longer lists, and live rows whose natural key a new record took.</summary>
    public long Deleted { get; internal set; }

    public long Total => Inserted + Updated + Deleted;

    public override string ToString() => $"+{Inserted} ~{Updated} -{Deleted}";
}
