using System.Diagnostics;
using System.Globalization;

namespace MaximoOffline.Data.Bookkeeping;

/// <summary>
/// Identifies the process that holds a run's lease, so that a run left behind by a process that no
/// longer exists can be recognised at once as interrupted rather than after its heartbeat goes stale.
/// </summary>
public static class RunOwner
{
    public static string Current { get; } = Describe(Environment.ProcessId, Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks);

    internal static string Describe(int pid, long startTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{pid}/{startTicks}");

    /// <summary>True when <paramref name="owner"/> names a process of this machine that is gone.</summary>
    public static bool IsDeadOnThisMachine(string? owner)
    {
        var parts = owner?.Split('/');
        if (parts is not { Length: 3 } || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        try
        {
            // A process's start time is worked out from the time since boot, so two processes reading it
            // differ by a little: a process with the same id that started within a second is the same one.
            using var process = Process.GetProcessById(pid);
            return Math.Abs(process.StartTime.ToUniversalTime().Ticks - ticks) > TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true; // exited meanwhile
        }
    }
}
