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
        using var tmux = new Tmux(emulator.Folder);
        tmux.Start(new Dictionary<string, string>(),
            [ProductProcess.DotnetHost, ProductProcess.CliDll, "monitor", "--db-path", emulator.DatabasePath, "--refresh", "0.2"]);
        await WaitForAsync(() => tmux.Screen().Contains("Ctrl+C to quit", StringComparison.Ordinal), tmux, "the monitor to start");

        // Small pages, one at a time. Gates hold the sync mid-read, twice, so the monitor is watched
        // while the run stands still at one count and then at a higher one, however fast the machine.
        var first = await PageGate.CloseAsync(emulator.Http, "/os/mxapiasset", fraction: 0.5, count: 1);
        var sync = ProductProcess.RunAsync(ProductProcess.CliDll, emulator.Folder,
            emulator.Settings(("Maximo__PageSize", "20"), ("Maximo__MaxConcurrentRequests", "1")),
            ["sync", "assets", "--db-path", emulator.DatabasePath]);

        await first.ReachedAsync();
        var before = await RunningAsync(tmux);
        var second = await PageGate.CloseAsync(emulator.Http, "/os/mxapiasset", count: 1);
        await first.OpenAsync();
        await second.ReachedAsync();
        var after = await RunningAsync(tmux, above: before);
        Assert.True(after > before, $"{before} then {after}");
        await second.OpenAsync();

        await WaitForAsync(() => AssetsRow(tmux.Screen()) is ("Succeeded", 500), tmux, "assets to show Succeeded with 500 records");
        var result = await sync;
        Assert.True(result.ExitCode == 0, result.ToString());

        tmux.SendKeys("C-c");
        await WaitForAsync(() => tmux.ExitCode() is not null, tmux, "the monitor to exit on Ctrl+C");
        Assert.Equal(0, tmux.ExitCode());
        Assert.Contains("Monitor stopped.", tmux.Screen(), StringComparison.Ordinal);
    }

    /// <summary>Waits until the monitor shows assets Running with more than <paramref name="above"/> records, and returns the count.</summary>
    private static async Task<long> RunningAsync(Tmux tmux, long above = 0)
    {
        long records = 0;
        await WaitForAsync(() => AssetsRow(tmux.Screen()) is ("Running", var shown) && (records = shown) > above, tmux,
            $"assets to show Running with more than {above} records");
        return records;
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
