using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Json;

// Typed values: dates in Maximo's form, amounts from integer cents, and boxed values of any kind.
internal sealed partial class JsonSink
{
    public void Date(JsonName name, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[DateFormat.Length];
        DateFormat.Write(value, buffer);
        String(name, buffer);
    }

    // Amounts are rounded to cents, and the shortest round-trip form of the double nearest k/100
    // (|k| < 10^15) is k/100 itself without trailing zeros: written from the integer, much cheaper
    // than general double formatting. Any other double is formatted as Utf8JsonWriter formats it.
    public void Amount(JsonName name, double value)
    {
        Name(name);
        if (TryFormatCents(value, Room(24), trimZeros: true, out var length))
        {
            _length += length;
        }
        else
        {
            value.TryFormat(Room(32), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
        }
        _comma = true;
    }

    // A cents amount as a string with two decimals, as value.ToString("0.00") writes it.
    public void Cents(JsonName name, double value)
    {
        Span<byte> buffer = stackalloc byte[24];
        if (TryFormatCents(value, buffer, trimZeros: false, out var length))
        {
            String(name, buffer[..length]);
        }
        else
        {
            String(name, value.ToString("0.00", CultureInfo.InvariantCulture));
        }
    }

    // What RecordWriter writes for a materialised value.
    public void Object(JsonName name, object? value)
    {
        switch (value)
        {
            case null:
                Null(name);
                break;
            case Data.ExplicitNull:
                ExplicitNull(name);
                break;
            case string s:
                String(name, s);
                break;
            case long l:
                Number(name, l);
                break;
            case int i:
                Number(name, i);
                break;
            case double d:
                Amount(name, d);
                break;
            case bool b:
                Boolean(name, b);
                break;
            case DateTimeOffset date:
                Date(name, date);
                break;
            default:
                Other(name, value);
                break;
        }
    }

    // Rare kinds (decimal, anything else) go through Utf8JsonWriter itself.
    private void Other(JsonName name, object value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            if (value is decimal m)
            {
                w.WriteNumberValue(m);
            }
            else
            {
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }
        Name(name);
        Put(buffer.WrittenSpan);
        _comma = true;
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
