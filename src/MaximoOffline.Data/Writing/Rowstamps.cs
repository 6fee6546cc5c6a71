using System.Globalization;
using System.Text.Json;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Maximo's <c>_rowstamp</c> (and the <c>maxrowstamp</c> header) as the number it is. Most databases
/// give a decimal string (<c>"752083881"</c>); some give the bytes of an 8-byte big-endian counter as
/// signed numbers (<c>"[0 0 0 0 0 26 -12 20]"</c>), which compare as numbers only once read as one.
/// </summary>
public static class Rowstamps
{
    public static bool TryParse(string? text, out long rowstamp)
    {
        rowstamp = 0;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value[0] != '[')
        {
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out rowstamp);
        }

        if (value[^1] != ']')
        {
            return false;
        }

        var parts = value[1..^1].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 8)
        {
            return false;
        }

        ulong number = 0;
        foreach (var part in parts)
        {
            if (!sbyte.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }

            number = (number << 8) | (byte)b;
        }

        rowstamp = (long)number;
        return rowstamp >= 0;
    }

    /// <summary>A rowstamp from JSON: a number, a decimal string, or the byte-array text.</summary>
    public static bool TryGet(JsonElement value, out long rowstamp)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return TryParse(value.GetString(), out rowstamp);
        }

        return JsonValues.TryGetInteger(value, out rowstamp);
    }
}
