using System.Globalization;

namespace MaximoOffline.Emulator.Data;

// A value posted to the control API (string, long, double, bool or null, as JSON gives it) turned
// into the type the attribute already holds, so that filters, sorts and bodies treat it as Maximo
// would its column: "2025-01-02T08:00:00-05:00" on a date is a date, 5 on a decimal is 5.0.
internal static class ValueCoercion
{
    public static object? Coerce(string name, object? value, object? sample) => (value, sample) switch
    {
        (null, _) => null,
        (string s, DateTimeOffset) => Query.Values.ParseDate(s) ?? throw new ArgumentException($"{name} needs a date, not '{s}'."),
        (long l, double) => (double)l,
        (double d, long) when d == Math.Floor(d) => (long)d,
        (long l, bool) => l != 0,
        (string s, bool) => s is "1" or "true" ? true : s is "0" or "false" ? false : throw new ArgumentException($"{name} needs a boolean, not '{s}'."),
        (bool b, string) => b ? "1" : "0",
        (long or double, string) => Convert.ToString(value, CultureInfo.InvariantCulture),
        (string s, long) => long.TryParse(s, CultureInfo.InvariantCulture, out var l) ? l : throw new ArgumentException($"{name} needs a number, not '{s}'."),
        (string s, double) => double.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : throw new ArgumentException($"{name} needs a number, not '{s}'."),
        _ => value,
    };
}
