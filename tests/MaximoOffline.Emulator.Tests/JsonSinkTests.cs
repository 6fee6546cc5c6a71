using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Tests;

// JsonSink stands in for Utf8JsonWriter when generated members are written: it must write exactly
// the bytes Utf8JsonWriter writes, for amounts (formatted from integer cents), "0.00" strings,
// escaped and unescaped strings, and every kind of boxed value.
public sealed class JsonSinkTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("v");
    private static readonly JsonName SinkName = new(Name);

    [Fact]
    public void AmountsAreWrittenAsUtf8JsonWriterWritesNumbers()
    {
        foreach (var value in Doubles())
        {
            Assert.Equal(Expected(w => w.WriteNumber(Name, value)), Actual(s => s.Amount(SinkName, value)));
        }
    }

    [Fact]
    public void CentsAreWrittenAsToStringWithTwoDecimals()
    {
        foreach (var value in Doubles())
        {
            Assert.Equal(Expected(w => w.WriteString(Name, value.ToString("0.00", CultureInfo.InvariantCulture))), Actual(s => s.Cents(SinkName, value)));
        }
    }

    [Theory]
    [InlineData("PUMP-12 north wing")]
    [InlineData("")]
    [InlineData("a+b <c> & 'd' \"e\" `f` \\g")]
    [InlineData("tab\tnew\nline\u0001")]
    [InlineData("Kowalski Ñandú 東京 😀")]
    [InlineData("http://127.0.0.1:5099/maximo/api/os/mxapiasset/_S0QxMDAwNy9LREZBQw--")]
    public void StringsAreEscapedAsUtf8JsonWriterEscapesThem(string value)
    {
        Assert.Equal(Expected(w => w.WriteString(Name, value)), Actual(s => s.String(SinkName, value)));
        Assert.Equal(Expected(w => w.WriteString(Name, Encoding.UTF8.GetBytes(value))), Actual(s => s.String(SinkName, Encoding.UTF8.GetBytes(value))));
    }

    [Fact]
    public void BoxedValuesAreWrittenAsRecordWriterWritesThem()
    {
        object?[] values = [null, "x", 42L, 7, 1234.5, 0.1 + 0.2, 12.5m, true, false, new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(-5)), Guid.Empty];
        foreach (var value in values)
        {
            var expected = Expected(w =>
            {
                w.WritePropertyName(Name);
                switch (value)
                {
                    case null: w.WriteNullValue(); break;
                    case string s: w.WriteStringValue(s); break;
                    case long l: w.WriteNumberValue(l); break;
                    case int i: w.WriteNumberValue(i); break;
                    case double d: w.WriteNumberValue(d); break;
                    case decimal m: w.WriteNumberValue(m); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case DateTimeOffset date: w.WriteStringValue(date.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)); break;
                    default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            });
            Assert.Equal(expected, Actual(s => s.Object(SinkName, value), dropNulls: false));
        }
        Assert.Equal("{}", Actual(s => s.Object(SinkName, null), dropNulls: true));
    }

    // Rounded amounts over the generators' ranges and beyond, negative ones, and unrounded doubles.
    private static IEnumerable<double> Doubles()
    {
        var random = new Random(7);
        double[] edges = [0, -0.0, 0.01, 0.1, 0.5, 1, 9.99, 10, 100.05, 1e12 + 0.01, 99_999.99, -73.5, 1e15, 123456789012.34, double.Epsilon, 1e-7, 1e21];
        foreach (var edge in edges)
        {
            yield return edge;
        }
        for (var i = 0; i < 100_000; i++)
        {
            var max = Math.Pow(10, random.Next(0, 13));
            var amount = Math.Round(random.NextDouble() * max, 2);
            yield return amount;
            yield return -amount;
            yield return random.NextDouble() * max;
        }
    }

    private static string Expected(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Actual(Action<JsonSink> write, bool dropNulls = true)
    {
        var sink = new JsonSink(dropNulls);
        sink.StartObject();
        write(sink);
        sink.EndObject();
        return Encoding.UTF8.GetString(sink.Written);
    }
}
