namespace MaximoOffline.Emulator.Generation;

// Maximo sends dates in the server's zone; ours is US Eastern, so offsets switch between -05:00 and
// -04:00 with daylight saving. Computed from the US rules rather than the host's tz database so the
// data is identical on every machine.
internal static class EasternTime
{
    private static readonly TimeSpan Standard = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Daylight = TimeSpan.FromHours(-4);

    private const int FirstYear = 1970;
    private static readonly (DateTime Start, DateTime End)[] Transitions = Enumerable.Range(FirstYear, 200)
        .Select(y => (NthSunday(y, 3, 2).AddHours(7), NthSunday(y, 11, 1).AddHours(6)))
        .ToArray();

    public static TimeSpan OffsetAt(DateTime utc)
    {
        var year = utc.Year - FirstYear;
        var (start, end) = year >= 0 && year < Transitions.Length
            ? Transitions[year]
            : (NthSunday(utc.Year, 3, 2).AddHours(7), NthSunday(utc.Year, 11, 1).AddHours(6));
        return utc >= start && utc < end ? Daylight : Standard;
    }

    public static DateTimeOffset At(DateTime utc)
    {
        var whole = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var offset = OffsetAt(whole);
        return new DateTimeOffset(DateTime.SpecifyKind(whole + offset, DateTimeKind.Unspecified), offset);
    }

    public static DateTimeOffset At(DateTimeOffset instant) => At(instant.UtcDateTime);

    // A naive local time in a query ("2024-03-01T10:00:00") means server-local time.
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var guess = DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - Standard;
        var offset = OffsetAt(DateTime.SpecifyKind(guess, DateTimeKind.Utc));
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var toSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toSunday + 7 * (n - 1));
    }
}
