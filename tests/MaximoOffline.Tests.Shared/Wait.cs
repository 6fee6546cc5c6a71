using System.Diagnostics;

namespace MaximoOffline.Tests.Shared;

/// <summary>Waits on a condition instead of sleeping: polls it until it holds, or fails saying what was awaited.</summary>
public static class Wait
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, Func<string>? what = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Check(clock, limit, what);
            await Task.Delay(15);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<string>? what = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Check(clock, limit, what);
            await Task.Delay(50);
        }
    }

    private static void Check(Stopwatch clock, TimeSpan limit, Func<string>? what)
    {
        if (clock.Elapsed > limit)
        {
            throw new TimeoutException($"Waited {limit.TotalSeconds:N0} s for: {what?.Invoke() ?? "the condition"}");
        }
    }
}
