using System.Net.Http.Json;
using System.Text.Json;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The web app after a full sync of every endpoint, started through the API as a user's script would
/// (<c>POST /api/sync/all</c>, then the run's status until it ends): what the workspace pages' tests read.
/// </summary>
public sealed class SyncedWebAppFixture : WebAppFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var start = await Http.PostAsJsonAsync("api/sync/all", new { full = true });
        start.EnsureSuccessStatusCode();
        var run = await WaitForEndAsync((await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
    }
}
