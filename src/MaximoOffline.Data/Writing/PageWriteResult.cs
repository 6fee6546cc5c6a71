namespace MaximoOffline.Data.Writing;

/// <summary>What writing one page did: counts per table, and attributes seen that have no typed column.</summary>
public sealed class PageWriteResult
{
    internal PageWriteResult(int records, IReadOnlyDictionary<string, TableCounts> tables, IReadOnlyDictionary<string, IReadOnlySet<string>> untyped)
    {
        Records = records;
        Tables = tables;
        UntypedAttributes = untyped;
    }

    /// <summary>Top-level records in the page.</summary>
    public int Records { get; }

    /// <summary>Counts per table name, for every table the page touched.</summary>
    public IReadOnlyDictionary<string, TableCounts> Tables { get; }

    /// <summary>Per table, attribute names stored only in <c>raw</c> that this writer first saw in this page.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> UntypedAttributes { get; }

    public TableCounts For(string table) => Tables.TryGetValue(table, out var counts) ? counts : new TableCounts();
}
