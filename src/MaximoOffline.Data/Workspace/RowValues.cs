using System.Globalization;
using MaximoOffline.Data.Replica;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Workspace;

/// <summary>How the workspace reads typed columns: flags as booleans, dates as UTC ISO-8601, the rest as stored.</summary>
internal static class RowValues
{
    public static object? Read(SqliteDataReader reader, int ordinal, ColumnKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return kind switch
        {
            ColumnKind.Flag => reader.GetInt64(ordinal) != 0,
            ColumnKind.Date => Date(reader.GetString(ordinal)),
            _ => reader.GetValue(ordinal),
        };
    }

    /// <summary>A date column's text (<c>yyyy-MM-dd HH:mm:ss</c>, UTC) as ISO-8601 with its zone.</summary>
    public static string Date(string stored) =>
        DateTime.TryParseExact(stored, ReplicaColumns.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : stored;

    /// <summary>The SQL that reads Maximo's description of a code from <c>raw</c>: <c>status</c> → <c>status_description</c>.</summary>
    public static string DescriptionOf(string column, string alias = "") =>
        $"json_extract({alias}{ReplicaColumns.Raw}, '$.\"{column}_description\"')";

    public static ColumnKind KindOf(ReplicaTable table, string column) => table.Columns.First(c => c.Name == column).Kind;

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
