using System.Data.Common;
using System.Globalization;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>How the workspace reads typed columns: flags as booleans, dates as UTC ISO-8601, the rest as stored.</summary>
internal static class RowValues
{
    public static object? Read(DbDataReader reader, int ordinal, ColumnKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return kind switch
        {
            ColumnKind.Flag => reader.GetValue(ordinal) switch { bool flag => flag, var number => Convert.ToInt64(number, CultureInfo.InvariantCulture) != 0 }, // PostgreSQL's boolean, SQLite's 0/1
            ColumnKind.Date => Time(reader, ordinal),
            _ => reader.GetValue(ordinal),
        };
    }

    /// <summary>A time column (SQLite's text, PostgreSQL's <c>timestamptz</c>) as UTC ISO-8601, or null.</summary>
    public static string? Time(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null
        : reader.GetValue(ordinal) is DateTime time ? Iso(time.ToUniversalTime())
        : Date(reader.GetString(ordinal));

    /// <summary>A date column's text (<c>yyyy-MM-dd HH:mm:ss</c>, UTC) as ISO-8601 with its zone.</summary>
    public static string Date(string stored) =>
        DateTime.TryParseExact(stored, ReplicaColumns.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? Iso(date)
            : stored;

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static ColumnKind KindOf(ReplicaTable table, string column) => table.Columns.First(c => c.Name == column).Kind;

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
