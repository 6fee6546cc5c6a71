namespace MaximoOffline.Cli.Tests;

/// <summary>Exit codes and messages for what a user gets wrong, and for a Maximo that is not there.</summary>
public sealed class UsageAndSettingsTests(CliFixture emulator) : IClassFixture<CliFixture>
{
    private string DatabasePath => Path.Combine(emulator.Folder, $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AnUnknownEndpointExitsTwoWithTheSlugsAndTheUsage()
    {
        var result = await emulator.RunAsync(emulator.Settings(), "sync", "bogus", "--db-path", DatabasePath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("There is no endpoint 'bogus'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("domain, peruser, locations, assets, wodetail, inventory", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("maximo-offline sync <slug|all>", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOptionExitsTwoWithTheUsage()
    {
        var result = await emulator.RunAsync(emulator.Settings(), "sync", "all", "--no-such-option");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("maximo-offline sync <slug|all>", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableMaximoExitsOneWithAMessageNamingItsUrl()
    {
        const string url = "http://127.0.0.1:9/maximo";
        var settings = emulator.Settings(("Maximo__BaseUrl", url), ("Maximo__MaxRetries", "1"));

        var result = await emulator.RunAsync(settings, "sync", "locations", "--db-path", DatabasePath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(url, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("could not be reached", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadSettingExitsTwoNamingTheKey()
    {
        var result = await emulator.RunAsync(emulator.Settings(("Maximo__PageSize", "-5")), "sync", "all", "--db-path", DatabasePath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Maximo:PageSize", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASettingGivenAsAnArgumentIsReadLikeTheEnvironment()
    {
        var result = await emulator.RunAsync(emulator.Settings(), "sync", "all", "--db-path", DatabasePath, "--Sync:MaxDeleteFraction=7");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Sync:MaxDeleteFraction", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAConfiguredMaximoSyncExitsTwoSayingWhatToSet()
    {
        var settings = emulator.Settings();
        settings.Remove("Maximo__BaseUrl");

        var result = await emulator.RunAsync(settings, "sync", "all", "--db-path", DatabasePath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Maximo:BaseUrl", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Maximo:ApiKey", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("maximo-offline emulator", result.Stderr, StringComparison.Ordinal);
    }
}
