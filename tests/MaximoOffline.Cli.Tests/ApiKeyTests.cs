using System.Text.RegularExpressions;

namespace MaximoOffline.Cli.Tests;

/// <summary><c>apikey create</c> against the emulator's login and key creation.</summary>
public sealed partial class ApiKeyTests(CliFixture emulator) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task ApiKeyCreatePrintsAKeyThatWorksForARequest()
    {
        const string password = "maxadmin";
        var settings = emulator.Settings();
        settings.Remove("Maximo__ApiKey");

        var result = await ProductProcess.RunAsync(ProductProcess.CliDll, emulator.Folder, settings, ["apikey", "create", "--username", "maxadmin", "--password-stdin"], stdin: password + "\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        var key = ConfiguredKey().Match(result.Stdout).Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.NotEqual(emulator.Server.Options.ApiKey, key);
        Assert.True(await emulator.CountAsync("MXAPIASSET", null, apiKey: key) > 0);
    }

    [Fact]
    public async Task AWrongPasswordExitsOneAndIsNeverPrinted()
    {
        var result = await ProductProcess.RunAsync(ProductProcess.CliDll, emulator.Folder, emulator.Settings(), ["apikey", "create", "--username", "wilson", "--password-stdin"], stdin: "not-the-password-4711\n");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("not-the-password-4711", result.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*Maximo__ApiKey=(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ConfiguredKey();
}
