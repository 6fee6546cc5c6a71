using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Emulator;
using MaximoOffline.Sync.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MaximoOffline.Sync.Tests;

/// <summary>A server whose <c>maxrowstamp</c> header covers only the page it served.</summary>
public sealed class PageRowstampEmulator : EmulatorFixture
{
    protected override void Configure(EmulatorOptions options) => options.MaxRowstamp = MaxRowstampScope.Page;
}

/// <summary>What real servers do that the guide leaves open: the engine checks instead of trusting.</summary>
public sealed class RowstampCursorTests(PageRowstampEmulator emulator) : IClassFixture<PageRowstampEmulator>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.RestoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("inventory", "mxapiinventory", "inventory", "inventoryid")]
    [InlineData("peruser", "mxapiperuser", "person", "personuid")]
    public async Task WithAPerPageMaxrowstampAnIncrementalRunAfterOnePercentChangedReadsAtMostThreePercent(string slug, string objectStructure, string table, string uniqueId)
    {
        await using var harness = await SyncHarness.StartAsync(emulator);
        var (_, first) = await harness.RunAsync(slug);
        Assert.Equal(SyncRunStatus.Succeeded, first);
        var total = (long)harness.Scalar($"SELECT records_fetched FROM sync_run WHERE id = 1")!;
        var changed = (int)Math.Max(1, total / 100);
        var ids = harness.Column<long>($"SELECT \"{uniqueId}\" FROM \"{table}\" ORDER BY \"{uniqueId}\" LIMIT {changed}");
        await emulator.ControlAsync($"os/{objectStructure}/touch", new { ids });

        var (runId, second) = await harness.RunAsync(slug);

        Assert.Equal(SyncRunStatus.Succeeded, second);
        var read = (long)harness.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {runId}")!;
        Assert.InRange(read, changed, Math.Max(changed, total * 3 / 100));
    }
}

/// <summary>Changes below the parent: invisible to the parent's delta, read by the scheduled full sync.</summary>
public sealed class ChildChangeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.RestoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ABalanceThatChangedAloneIsInvisibleToAnIncrementalRunAndPresentAfterTheNextScheduledFullOne()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await SyncHarness.StartAsync(emulator, time: clock);
        Assert.Equal(SyncRunStatus.Succeeded, (await harness.RunAsync("inventory")).Status);
        var (inventoryId, balanceId) = ((long)harness.Scalar("SELECT inventory_id FROM invbalances ORDER BY invbalancesid LIMIT 1")!,
            (long)harness.Scalar("SELECT invbalancesid FROM invbalances ORDER BY invbalancesid LIMIT 1")!);
        await emulator.ControlAsync("os/mxapiinventory/children",
            new { id = inventoryId, child = "invbalances", action = "update", childId = balanceId, set = new { curbal = 4321 } });

        clock.Advance(TimeSpan.FromHours(1));
        var (incremental, status) = await harness.RunAsync("inventory");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal("Incremental", harness.Scalar($"SELECT mode FROM sync_run WHERE id = {incremental}"));
        Assert.NotEqual(4321.0, harness.Scalar($"SELECT curbal FROM invbalances WHERE invbalancesid = {balanceId}"));

        // Sync:FullEvery:inventory defaults to 24 hours: the next run a day after the last full one reads everything.
        clock.Advance(TimeSpan.FromHours(24));
        var (scheduled, _) = await harness.RunAsync("inventory");

        Assert.Equal("Full", harness.Scalar($"SELECT mode FROM sync_run WHERE id = {scheduled}"));
        Assert.Equal(4321.0, harness.Scalar($"SELECT curbal FROM invbalances WHERE invbalancesid = {balanceId}"));
        Assert.Contains(harness.Events.Of<Engine.LogEvent>(), e => e.RunId == scheduled && e.Message.Contains("Sync:FullEvery:inventory", StringComparison.Ordinal));
    }
}

/// <summary>A MAS Manage server: passwords are refused over the API, only API keys work.</summary>
public sealed class MasEmulator : EmulatorFixture
{
    protected override void Configure(EmulatorOptions options) => options.Mas = true;
}

public sealed class MasPasswordTests(MasEmulator emulator) : IClassFixture<MasEmulator>
{
    [Theory]
    [InlineData("MaxAuth")]
    [InlineData("Basic")]
    public async Task APasswordSyncAgainstMasFailsSayingOnlyApiKeysWorkAndWhereToMakeOne(string mode)
    {
        await using var harness = await SyncHarness.StartAsync(emulator, new()
        {
            ["Maximo:AuthMode"] = mode, ["Maximo:ApiKey"] = "", ["Maximo:Username"] = "maxadmin", ["Maximo:Password"] = "maxadmin",
        });

        var (runId, status) = await harness.RunAsync("locations");

        Assert.Equal(SyncRunStatus.Failed, status);
        Assert.Contains("accepts only API keys", harness.RunError(runId), StringComparison.Ordinal);
        Assert.Contains("Administration → Integration → API Keys", harness.RunError(runId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingAnApiKeyWithAPasswordOnMasSaysOnlyApiKeysWork()
    {
        await using var harness = await SyncHarness.StartAsync(emulator);
        var creator = harness.Services.GetRequiredService<ApiKeyCreator>();

        var error = await Assert.ThrowsAnyAsync<MaximoException>(() => creator.CreateAsync("maxadmin", "maxadmin", CancellationToken.None));

        Assert.Contains("accepts only API keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiKeySyncAgainstMasWorks()
    {
        await using var harness = await SyncHarness.StartAsync(emulator);

        Assert.Equal(SyncRunStatus.Succeeded, (await harness.RunAsync("locations")).Status);
    }
}
