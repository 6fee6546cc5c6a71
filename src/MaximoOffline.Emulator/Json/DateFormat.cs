namespace MaximoOffline.Emulator.Json;

// Maximo's date form, 2024-03-01T10:00:00-05:00, written straight to UTF-8: dates are a large share
// of every record and the general custom-format path is several times slower.
internal static class DateFormat
{
    public const int Length = 25;

    public static void Write(DateTimeOffset value, Span<byte> destination)
    {
        // One calendar computation for year, month and day; the time of day from the ticks.
        var (year, month, day) = value.DateTime;
        var seconds = (int)(value.DateTime.Ticks % TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond);
        Digits(destination[..4], year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        Digits(destination.Slice(11, 2), seconds / 3600);
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), seconds / 60 % 60);
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), seconds % 60);
        var offset = (int)value.Offset.TotalMinutes;
        destination[19] = offset < 0 ? (byte)'-' : (byte)'+';
        offset = Math.Abs(offset);
        Digits(destination.Slice(20, 2), offset / 60);
        destination[22] = (byte)':';
        Digits(destination.Slice(23, 2), offset % 60);
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
