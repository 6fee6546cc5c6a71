using MaximoOffline.Data.Bookkeeping;
using System.Globalization;
using Spectre.Console;

namespace MaximoOffline.Cli.Display;

/// <summary>How numbers, times and run states look on a terminal, the same in every command.</summary>
internal static class Format
{
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Local time: just the time for today, the date too otherwise.</summary>
    public static string When(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return "-";
        }

        var local = value.ToLocalTime();
        return local.ToString(local.Date == DateTime.Now.Date ? "HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? span.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture)
        : span.ToString(span.TotalHours < 1 ? @"m\:ss" : @"h\:mm\:ss", CultureInfo.InvariantCulture);

    public static string Rate(double? perSecond) => perSecond is { } r ? $"{r.ToString("N0", CultureInfo.InvariantCulture)}/s" : "";

    /// <summary>A run state as markup, colour-coded: running yellow, succeeded green, failed red, others muted.</summary>
    public static string State(SyncRunStatus? status) => status switch
    {
        null => "[grey]never synced[/]",
        SyncRunStatus.Running => $"[yellow bold]{status}[/]",
        SyncRunStatus.Queued => $"[blue]{status}[/]",
        SyncRunStatus.Succeeded => $"[green]{status}[/]",
        SyncRunStatus.Failed => $"[red bold]{status}[/]",
        SyncRunStatus.Interrupted => $"[darkorange]{status}[/]",
        _ => $"[grey]{status}[/]",
    };
}
