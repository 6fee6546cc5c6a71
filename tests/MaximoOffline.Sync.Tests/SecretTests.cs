using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Emulator;

namespace MaximoOffline.Sync.Tests;

/// <summary>A Maximo whose credentials are distinctive, so that any leak of them is visible.</summary>
public sealed class SecretEmulatorFixture : EmulatorFixture
{
    public const string Password = "Pl4nner-pass-7781";
    public const string Key = "key-3c1b9f0e-secret";

    protected override void Configure(EmulatorOptions options)
    {
        options.Username = "planner";
        options.Password = Password;
        options.ApiKey = Key;
    }
}

public sealed class SecretTests(SecretEmulatorFixture emulator) : IClassFixture<SecretEmulatorFixture>
{
    [Fact]
    public async Task ThePasswordNeverAppearsInALogLineARunOrAnError()
    {
        var session = new Dictionary<string, string?> { ["Maximo:AuthMode"] = "MaxAuth", ["Maximo:ApiKey"] = "", ["Maximo:Username"] = "planner", ["Maximo:Password"] = SecretEmulatorFixture.Password };
        await using var harness = await SyncHarness.StartAsync(emulator, session);
        var (okRun, ok) = await harness.RunAsync("locations");
        await using var wrong = await SyncHarness.StartAsync(emulator, new(session) { ["Maximo:Password"] = SecretEmulatorFixture.Password + "-old" });
        var (failedRun, failed) = await wrong.RunAsync("locations");

        Assert.Equal(SyncRunStatus.Succeeded, ok);
        Assert.Equal(SyncRunStatus.Failed, failed);
        Assert.Matches(@"\(BMXAA\d+E\)", wrong.RunError(failedRun));
        AssertNowhere(harness, okRun, SecretEmulatorFixture.Password);
        AssertNowhere(wrong, failedRun, SecretEmulatorFixture.Password);
    }

    [Fact]
    public async Task TheApiKeyNeverAppearsInALogLineARunOrAnErrorAndTravelsOnlyAsAHeader()
    {
        await using var harness = await SyncHarness.StartAsync(emulator, apiKey: SecretEmulatorFixture.Key);
        var (okRun, ok) = await harness.RunAsync("locations");
        await emulator.ControlAsync("keys/revoke");
        var (failedRun, failed) = await harness.RunAsync("inventory");
        await emulator.ControlAsync("keys/restore");

        Assert.Equal(SyncRunStatus.Succeeded, ok);
        Assert.Equal(SyncRunStatus.Failed, failed);
        AssertNowhere(harness, okRun, SecretEmulatorFixture.Key);
        AssertNowhere(harness, failedRun, SecretEmulatorFixture.Key);
        Assert.DoesNotContain(harness.Requests.Urls, u => u.Contains(SecretEmulatorFixture.Key, StringComparison.Ordinal));
    }

    private static void AssertNowhere(SyncHarness harness, long runId, string secret)
    {
        Assert.NotEmpty(harness.Logged);
        Assert.DoesNotContain(harness.Logged, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Events.All, e => e.ToString()!.Contains(secret, StringComparison.Ordinal));
        foreach (var table in new[] { "sync_run", "sync_log", "sync_state", "sync_run_table" })
        {
            Assert.Equal(0L, harness.Scalar($"SELECT COUNT(*) FROM {table} WHERE CAST(json_array({Columns(harness, table)}) AS TEXT) LIKE $secret", ("$secret", $"%{secret}%")));
        }

        Assert.NotNull(harness.Scalar($"SELECT id FROM sync_run WHERE id = {runId}"));
    }

    private static string Columns(SyncHarness harness, string table) =>
        string.Join(", ", harness.Column<string>($"SELECT name FROM pragma_table_info('{table}')").Select(c => $"\"{c}\""));
}
