using System.Globalization;

namespace MaximoOffline.Sync.Settings;

/// <summary>Durations as people write them in settings: <c>24h</c>, <c>7d</c>, <c>90m</c>, <c>30s</c>, <c>0</c>, or <c>1.12:00:00</c>.</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return false;
        }

        if (value == "0")
        {
            return true;
        }

        var unit = char.ToLowerInvariant(value[^1]);
        if (unit is 'd' or 'h' or 'm' or 's' && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            duration = unit switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
            return true;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }

    /// <summary>A duration as a person reads it: <c>24 h</c>, <c>7 d</c>, <c>90 min</c>.</summary>
    public static string Describe(TimeSpan duration) =>
        duration.TotalDays >= 1 && duration.TotalDays % 1 == 0 ? $"{duration.TotalDays:N0} d"
        : duration.TotalHours >= 1 && duration.TotalHours % 1 == 0 ? $"{duration.TotalHours:N0} h"
        : $"{duration.TotalMinutes:N0} min";
}
