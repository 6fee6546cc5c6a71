using System.Text.Json;

namespace MaximoOffline.Data.Writing;

/// <summary>One JSON object of a page, read into the values of its table's columns.</summary>
internal sealed class StagedRow(object key, object? ownerKey, object[] values, object rowstamp, string raw, JsonElement[] children)
{
    public object Key { get; } = key;

    public object? OwnerKey { get; } = ownerKey;

    /// <summary>Typed column values in table column order (the key first), DBNull where absent.</summary>
    public object[] Values { get; } = values;

    public object Rowstamp { get; } = rowstamp;

    public string Raw { get; } = raw;

    /// <summary>The value of each child JSON key, by child index (default when absent).</summary>
    public JsonElement[] Children { get; } = children;

    /// <summary>
    /// The columns a row is written to, in the order every writer binds them: the typed columns (the key
    /// first), the owner column under this parent, then rowstamp, raw, write time and run.
    /// </summary>
    public static List<string> WrittenColumns(Replica.ReplicaTable table, string? ownerColumn)
    {
        var columns = table.Columns.Select(c => c.Name).ToList();
        if (ownerColumn is not null)
        {
            columns.Add(ownerColumn);
        }

        columns.AddRange([Replica.ReplicaColumns.Rowstamp, Replica.ReplicaColumns.Raw, Replica.ReplicaColumns.SyncedAt, Replica.ReplicaColumns.SyncRunId]);
        return columns;
    }
}

/// <summary>A JSON object to write, with the key of the row that lists it and its position there.</summary>
internal readonly record struct RowInput(JsonElement Element, object? OwnerKey, int Position);

/// <summary>What every row of one page shares: its write time and the run writing it.</summary>
internal sealed record WriteContext(string Now, long? RunId);
