using System.Globalization;
using System.Text.RegularExpressions;

namespace MaximoOffline.Cli.Tests;

/// <summary>
/// <c>monitor</c> in a pseudo-terminal (tmux) while <c>sync</c> runs in another process against a slowed
/// emulator: the monitor only reads the database, and shows the sync as it happens.
/// </summary>
public sealed partial class MonitorTests(CliFixture emulator) : IClassFixture<CliFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MonitorShowsASyncInAnotherProcessGoFromRunningToSucceededWithRisingCountsAndExitsOnCtrlC()
    {
        Assert.True(Tmux.IsInstalled(), "These tests drive the monitor in tmux: install it (apt-get install tmux).");
        await emulator.ControlAsync("faults", new { kind = "latency", delayMs = 50 });
        using var tmux = new Tmux(emulator.Folder);
        tmux.Start(new Dictionary<string, string>(),
            [ProductProcess.DotnetHost, ProductProcess.CliDll, "monitor", "--db-path", emulator.DatabasePath, "--refresh", "0.2"]);
        await WaitForAsync(() => tmux.Screen().Contains("Ctrl+C to quit", StringComparison.Ordinal), tmux, "the monitor to start");

        // Small pages, one at a time, each delayed: a few seconds of sync for the monitor to watch.
        var sync = ProductProcess.RunAsync(ProductProcess.CliDll, emulator.Folder,
            emulator.Settings(("Maximo__PageSize", "20"), ("Maximo__MaxConcurrentRequests", "1")),
            ["sync", "assets", "--db-path", emulator.DatabasePath]);

        var running = new List<long>();
        await WaitForAsync(() =>
        {
            if (AssetsRow(tmux.Screen()) is ("Running", var records) && (running.Count == 0 || records != running[^1]))
            {
                running.Add(records);
            }

            return running.Count >= 2;
        }, tmux, "assets to show Running with rising record counts");
        Assert.True(running[1] > running[0], string.Join(", ", running));

        await WaitForAsync(() => AssetsRow(tmux.Screen()) is ("Succeeded", 500), tmux, "assets to show Succeeded with 500 records");
        var result = await sync;
        Assert.True(result.ExitCode == 0, result.ToString());

        tmux.SendKeys("C-c");
        await WaitForAsync(() => tmux.ExitCode() is not null, tmux, "the monitor to exit on Ctrl+C");
        Assert.Equal(0, tmux.ExitCode());
        Assert.Contains("Monitor stopped.", tmux.Screen(), StringComparison.Ordinal);
    }

    /// <summary>The assets row of the endpoints table: its state and record count, when on screen.</summary>
    private static (string State, long Records)? AssetsRow(string screen)
    {
        var match = AssetsLine().Match(screen);
        return match.Success ? (match.Groups[1].Value, long.Parse(match.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)) : null;
    }

    private static async Task WaitForAsync(Func<bool> condition, Tmux tmux, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}. Screen:\n{tmux.Screen()}");
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"│\s*assets\s*│\s*([A-Za-z]+)\s*│\s*([\d,]+)")]
    private static partial Regex AssetsLine();
}
