namespace MaximoOffline.Data.Replica;

/// <summary>How a Maximo attribute is stored in its typed column.</summary>
public enum ColumnKind
{
    /// <summary>64-bit integer (unique ids, counts, rowstamps).</summary>
    Integer,

    /// <summary>Double-precision number (costs, readings, balances).</summary>
    Real,

    /// <summary>Text exactly as Maximo sent it.</summary>
    Text,

    /// <summary>A YORN flag: JSON booleans, 0/1 and "0"/"1" all become 0 or 1.</summary>
    Flag,

    /// <summary>An ISO-8601 date with offset, stored as UTC text <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    Date,
}
