using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Json;

// Writes one attribute (name and value) with typed overloads, so generated values reach the
// Utf8JsonWriter without being boxed or turned into strings first. Every overload writes exactly the
// bytes the generic object path writes for the same value.
internal static class ValueWriter
{
    public static void Null(Utf8JsonWriter w, JsonEncodedText name, bool dropNulls)
    {
        if (!dropNulls)
        {
            w.WriteNull(name);
        }
    }

    public static void Object(Utf8JsonWriter w, JsonEncodedText name, object? value, bool dropNulls)
    {
        switch (value)
        {
            case null:
                Null(w, name, dropNulls);
                break;
            case ExplicitNull:
                w.WriteNull(name);
                break;
            case string s:
                w.WriteString(name, s);
                break;
            case long l:
                w.WriteNumber(name, l);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case double d:
                w.WriteNumber(name, d);
                break;
            case decimal m:
                w.WriteNumber(name, m);
                break;
            case bool b:
                w.WriteBoolean(name, b);
                break;
            case DateTimeOffset date:
                Date(w, name, date);
                break;
            default:
                w.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    public static void String(Utf8JsonWriter w, JsonEncodedText name, string? value, bool dropNulls)
    {
        if (value is null)
        {
            Null(w, name, dropNulls);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    public static void Date(Utf8JsonWriter w, JsonEncodedText name, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[DateFormat.Length];
        DateFormat.Write(value, buffer);
        w.WriteString(name, buffer);
    }

    // Amounts are rounded to cents, and the shortest round-trip form of the double nearest k/100
    // (|k| < 10^15) is k/100 itself without trailing zeros: written from the integer, which is much
    // cheaper than general double formatting. Anything else goes the general way.
    public static void Amount(Utf8JsonWriter w, JsonEncodedText name, double value)
    {
        Span<byte> buffer = stackalloc byte[24];
        if (!TryFormatCents(value, buffer, trimZeros: true, out var length))
        {
            w.WriteNumber(name, value);
            return;
        }
        w.WritePropertyName(name);
        w.WriteRawValue(buffer[..length], skipInputValidation: true);
    }

    // A cents amount as a string with two decimals, as value.ToString("0.00") writes it.
    public static void Cents(Utf8JsonWriter w, JsonEncodedText name, double value)
    {
        Span<byte> buffer = stackalloc byte[24];
        if (!TryFormatCents(value, buffer, trimZeros: false, out var length))
        {
            w.WriteString(name, value.ToString("0.00", CultureInfo.InvariantCulture));
            return;
        }
        w.WriteString(name, buffer[..length]);
    }

    private static bool TryFormatCents(double value, Span<byte> buffer, bool trimZeros, out int length)
    {
        length = 0;
        var scaled = Math.Round(value * 100);
        if (!(Math.Abs(scaled) < 1e15) || scaled / 100 != value || (value == 0 && double.IsNegative(value)))
        {
            return false;
        }
        var cents = (long)scaled;
        if (cents < 0)
        {
            buffer[length++] = (byte)'-';
            cents = -cents;
        }
        Utf8Formatter.TryFormat(cents / 100, buffer[length..], out var written);
        length += written;
        var fraction = (int)(cents % 100);
        if (fraction != 0 || !trimZeros)
        {
            buffer[length++] = (byte)'.';
            buffer[length++] = (byte)('0' + fraction / 10);
            if (fraction % 10 != 0 || !trimZeros)
            {
                buffer[length++] = (byte)('0' + fraction % 10);
            }
        }
        return true;
    }
}
