using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Converts Maximo's JSON values to typed column values. A value that does not fit its column is
/// stored as NULL there (it is still in <c>raw</c>): an odd value never fails a sync.
/// </summary>
public static class JsonValues
{
    /// <summary>The format of date columns: UTC, sortable as text, understood by SQLite's date functions.</summary>
    public const string DateFormat = ReplicaColumns.DateFormat;

    internal static object Convert(JsonElement value, ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => ToInteger(value),
        ColumnKind.Real => ToReal(value),
        ColumnKind.Text => ToText(value),
        ColumnKind.Flag => ToFlag(value),
        ColumnKind.Date => ToDate(value),
        _ => DBNull.Value,
    };

    /// <summary>Reads an integer from a JSON number or a string holding one (as <c>_rowstamp</c> is).</summary>
    public static bool TryGetInteger(JsonElement value, out long result)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out result):
                return true;
            case JsonValueKind.Number when value.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15:
                result = (long)d;
                return true;
            case JsonValueKind.String:
                return long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
            default:
                result = 0;
                return false;
        }
    }

    private static object ToInteger(JsonElement value) => TryGetInteger(value, out var n) ? n : DBNull.Value;

    private static object ToReal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => DBNull.Value,
    };

    private static object ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        _ => DBNull.Value,
    };

    private static object ToFlag(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        JsonValueKind.Number when value.TryGetInt64(out var n) && n is 0 or 1 => n,
        JsonValueKind.String => value.GetString() switch
        {
            "1" or "Y" or "y" or "true" or "TRUE" or "True" => 1L,
            "0" or "N" or "n" or "false" or "FALSE" or "False" => 0L,
            _ => DBNull.Value,
        },
        _ => DBNull.Value,
    };

    private static object ToDate(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        return DBNull.Value;
    }
}
