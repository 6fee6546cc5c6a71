using System.Buffers.Text;
using System.Globalization;

namespace MaximoOffline.Emulator.Json;

// _rowstamp and the maxrowstamp header: a decimal string, or on some databases the row version's
// eight bytes as signed numbers, most significant first: 1766420 is "[0 0 0 0 0 26 -12 20]".
internal static class RowstampText
{
    // Enough for "[" + 8 × "-128" + 7 spaces + "]".
    public const int MaxLength = 42;

    public static int Write(long rowstamp, RowstampFormat format, Span<byte> destination)
    {
        if (format == RowstampFormat.Number)
        {
            Utf8Formatter.TryFormat(rowstamp, destination, out var digits);
            return digits;
        }
        var length = 0;
        destination[length++] = (byte)'[';
        for (var shift = 56; shift >= 0; shift -= 8)
        {
            Utf8Formatter.TryFormat((sbyte)(rowstamp >> shift), destination[length..], out var written);
            length += written;
            destination[length++] = shift == 0 ? (byte)']' : (byte)' ';
        }
        return length;
    }

    public static string Format(long rowstamp, RowstampFormat format)
    {
        if (format == RowstampFormat.Number)
        {
            return rowstamp.ToString(CultureInfo.InvariantCulture);
        }
        Span<byte> buffer = stackalloc byte[MaxLength];
        return System.Text.Encoding.ASCII.GetString(buffer[..Write(rowstamp, format, buffer)]);
    }

    // Either form back to the number (saved responses from such a server); null when it is neither.
    public static long? Parse(string? text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        if (text is not ['[', .., ']'])
        {
            return null;
        }
        var parts = text[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 8)
        {
            return null;
        }
        long value = 0;
        foreach (var part in parts)
        {
            if (!sbyte.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }
            value = (value << 8) | (byte)b;
        }
        return value;
    }
}
