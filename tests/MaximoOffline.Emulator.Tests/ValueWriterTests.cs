using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Tests;

// The typed writers format amounts from integer cents; they must write exactly what the general
// double and "0.00" formatting write, for amounts and for any other double (which they pass on).
public sealed class ValueWriterTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("v");

    [Fact]
    public void AmountsAreWrittenAsTheGeneralNumberFormWrites()
    {
        foreach (var value in Samples())
        {
            Assert.Equal(Write(w => w.WriteNumber(Name, value)), Write(w => ValueWriter.Amount(w, Name, value)));
        }
    }

    [Fact]
    public void CentsAreWrittenAsToStringWithTwoDecimals()
    {
        foreach (var value in Samples())
        {
            Assert.Equal(Write(w => w.WriteString(Name, value.ToString("0.00", CultureInfo.InvariantCulture))), Write(w => ValueWriter.Cents(w, Name, value)));
        }
    }

    // Rounded amounts over the generators' ranges and beyond, negative ones, and unrounded doubles.
    private static IEnumerable<double> Samples()
    {
        var random = new Random(7);
        double[] edges = [0, -0.0, 0.01, 0.1, 0.5, 1, 9.99, 10, 100.05, 1e12 + 0.01, 99_999.99, -73.5, 1e15, 123456789012.34, double.Epsilon, 1e-7];
        foreach (var edge in edges)
        {
            yield return edge;
        }
        for (var i = 0; i < 200_000; i++)
        {
            var max = Math.Pow(10, random.Next(0, 13));
            var amount = Math.Round(random.NextDouble() * max, 2);
            yield return amount;
            yield return -amount;
            yield return random.NextDouble() * max;
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
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
}
