using System.Text.Json;

namespace MaximoOffline.Cli.Tests;

/// <summary><c>status</c> counts the rows the last run found had left the endpoint's filter.</summary>
public sealed class LeftFilterStatusTests(CliFixture emulator) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task StatusCountsTheWorkOrdersThatLeftTheFilterInTheLastRun()
    {
        var first = await emulator.RunAsync(emulator.Settings(), "sync", "wodetail", "--db-path", emulator.DatabasePath);
        Assert.True(first.ExitCode == 0, first.ToString());
        var open = (long)emulator.Scalar("SELECT MIN(workorderid) FROM workorder WHERE deleted_at IS NULL")!;
        await emulator.ControlAsync("os/mxapiwodetail/set", new { ids = new[] { open }, set = new { status = "COMP" } });
        var second = await emulator.RunAsync(emulator.Settings(), "sync", "wodetail", "--db-path", emulator.DatabasePath);
        Assert.True(second.ExitCode == 0, second.ToString());

        var status = await emulator.RunAsync(emulator.Settings(), "status", "--json", "--db-path", emulator.DatabasePath);

        using var json = JsonDocument.Parse(status.Stdout);
        var wodetail = json.RootElement.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "wodetail");
        Assert.Equal(1, wodetail.GetProperty("lastRun").GetProperty("leftFilter").GetInt64());
        Assert.Contains("1 work orders left the filter (COMP 1)", second.Stdout, StringComparison.Ordinal);
    }
}
