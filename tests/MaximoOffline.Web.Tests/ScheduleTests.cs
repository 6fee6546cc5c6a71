using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Web.Tests;

/// <summary>The app with recurring syncs configured.</summary>
public sealed class ScheduledWebAppFixture : WebAppFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sync:Schedule:assets", "0 */2 * * *");
        builder.UseSetting("Sync:Schedule:all", "30 1 * * *");
    }
}

[Collection(WebCollection.Name)]
public sealed class ScheduleTests(ScheduledWebAppFixture app) : IClassFixture<ScheduledWebAppFixture>
{
    [Fact]
    public void EachConfiguredScheduleBecomesARecurringSyncAndNoOtherDoes()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal(new Dictionary<string, string> { ["sync-assets"] = "0 */2 * * *", ["sync-all"] = "30 1 * * *" }, jobs);
    }

    [Fact]
    public async Task ARecurringSyncTriggeredNowRunsAsAScheduledRun()
    {
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("sync-assets");

        var run = await WaitForScheduledRunAsync();

        Assert.Equal("Schedule", run.GetProperty("trigger").GetString());
        Assert.Equal("Succeeded", (await app.WaitForEndAsync(run.GetProperty("id").GetInt64())).GetProperty("status").GetString());
    }

    private async Task<System.Text.Json.JsonElement> WaitForScheduledRunAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var runs = await app.GetJsonAsync("api/runs?endpoint=assets");
            foreach (var run in runs.EnumerateArray())
            {
                if (run.GetProperty("trigger").GetString() == "Schedule")
                {
                    return run.Clone();
                }
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
