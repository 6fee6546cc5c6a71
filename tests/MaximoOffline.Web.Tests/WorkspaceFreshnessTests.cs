using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Web.Pages.Data;

namespace MaximoOffline.Web.Tests;

/// <summary>What the workspace pages say about how fresh their data is.</summary>
[Collection(WebCollection.Name)]
public sealed class WorkspaceFreshnessTests(SyncedWebAppFixture app) : IClassFixture<SyncedWebAppFixture>
{
    private static readonly DateTime Now = new(2026, 11, 30, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DataSyncedMoreThanADayAgoOrNeverIsWarnedAboutAndRecentDataIsNot()
    {
        var recent = new FreshnessView(WorkspaceKinds.Assets, "assets", Now.AddHours(-3), "Succeeded", null, Warn: false);
        var old = recent with { LastSuccessAt = Now.AddHours(-25), Warn = true };
        var never = recent with { LastSuccessAt = null, LastRunStatus = null };

        Assert.Null(recent.Warning(Now));
        Assert.Equal("Assets last synced 2026-11-30 18:00 UTC (3 h ago).", recent.Summary(Now));
        Assert.Contains("more than a day ago", old.Warning(Now));
        Assert.Contains("Nothing here until a sync of assets succeeds", never.Warning(Now));
        Assert.Equal(never, Freshness.Worst([recent, never, old]));
        Assert.Equal(old, Freshness.Worst([recent, old]));
        var failed = recent with { LastRunStatus = "Failed", LastRunError = "401 Unauthorized", Warn = true };
        Assert.StartsWith("The last sync of assets failed: 401 Unauthorized.", failed.Warning(Now));
        Assert.Equal(failed, Freshness.Worst([recent with { LastSuccessAt = Now.AddHours(-5) }, failed]));
    }

    [Fact]
    public async Task AFailedSyncOfAnEndpointIsAWarningOnItsPagesAndOnlyOnThem()
    {
        var calm = await app.Http.GetStringAsync("data/inventory");
        Assert.DoesNotContain("alert-warning", calm);
        Assert.Contains("Inventory last synced", calm);

        await app.ControlAsync("keys/revoke");
        try
        {
            using var start = await app.Http.PostAsJsonAsync("api/sync/inventory", new { site = "KDFAC", full = true });
            var run = await app.WaitForEndAsync((await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
            Assert.Equal("Failed", run.GetProperty("status").GetString());
        }
        finally
        {
            await app.ControlAsync("keys/restore");
        }

        var inventoryId = app.ReplicaRow("SELECT inventoryid FROM inventory WHERE deleted_at IS NULL LIMIT 1")!["inventoryid"];
        foreach (var url in new[] { "data/inventory", $"data/inventory/{inventoryId}", "data" })
        {
            var page = await app.Http.GetStringAsync(url);
            Assert.Matches("<div class=\"alert alert-warning py-2 freshness\" role=\"alert\" data-kind=\"inventory\">[\\s\\S]*?The last sync of inventory failed", page);
        }

        Assert.DoesNotContain("alert-warning", await app.Http.GetStringAsync("data/assets"));
    }
}
