using System.Net;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Sync.Tests;

public sealed class SessionAndKeyTests(SecretEmulatorFixture emulator) : IClassFixture<SecretEmulatorFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await emulator.RestoreAsync();
    }

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    [Fact]
    public async Task AnExpiredSessionIsRenewedWithOneNewLoginAndTheSyncGoesOn()
    {
        await using var harness = await SyncHarness.StartAsync(emulator, new()
        {
            ["Maximo:AuthMode"] = "MaxAuth", ["Maximo:ApiKey"] = "", ["Maximo:Username"] = "planner", ["Maximo:Password"] = SecretEmulatorFixture.Password,
        });
        Assert.Equal(SyncRunStatus.Succeeded, (await harness.RunAsync("locations")).Status);
        var loginsBefore = harness.Requests.Urls.Count(u => u.Contains("/login", StringComparison.Ordinal));

        await emulator.ResetAsync(); // the emulator forgets every session
        var (_, status) = await harness.RunAsync("locations");

        Assert.Equal(SyncRunStatus.Succeeded, status);
        Assert.Equal(1, loginsBefore);
        Assert.Equal(2, harness.Requests.Urls.Count(u => u.Contains("/login", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WhereApiTokenCreateIsMissingAKeyIsCreatedThroughMxapiapikeyAndWorks()
    {
        await emulator.ControlAsync("faults", new { kind = "status", status = 404, path = "/apitoken/create" });
        await using var harness = await SyncHarness.StartAsync(emulator);
        var creator = harness.Services.GetRequiredService<ApiKeyCreator>();

        var key = await creator.CreateAsync("planner", SecretEmulatorFixture.Password, CancellationToken.None);
        await emulator.ClearFaultsAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "maximo/api/os/mxapilocations?lean=1&count=1");
        request.Headers.Add("apikey", key);
        using var plain = new HttpClient { BaseAddress = emulator.Http.BaseAddress };
        using var response = await plain.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(harness.Requests.Urls, u => u.Contains("/os/mxapiapikey", StringComparison.Ordinal));
    }
}
