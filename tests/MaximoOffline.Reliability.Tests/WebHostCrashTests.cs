using System.Diagnostics;
using MaximoOffline.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace MaximoOffline.Reliability.Tests;

/// <summary>
/// The web app killed (SIGKILL) and stopped (SIGTERM) in the middle of a sync all it runs as a
/// Hangfire job, and started again on the same replica and job store each time.
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Slow")]
public sealed class WebHostCrashTests(CrashFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 7;

    [Fact]
    public async Task KilledOrStoppedMidSyncItsRunsAreInterruptedTheirJobsNeverRunAgainBesideAnotherAndASyncConverges()
    {
        var clock = Stopwatch.StartNew();
        var folder = fixture.NewFolder("web");
        var replica = new Replica(Path.Combine(folder, "maximo.db"));
        var hangfire = new Replica(Path.Combine(folder, "hangfire.db"));
        var settings = fixture.Settings(replica.Path);
        var random = new Random(Seed);
        var pagesOfSyncAll = fixture.PagesOfSyncAll;
        await using var monitor = new RunMonitor(replica);

        // Kill right after the request (the run still queued, its job maybe not fetched), then at random
        // points of the sync, then stop the app the polite way.
        (string How, int Target)[] rounds =
        [
            ("kill", 0),
            ("kill", random.Next(1, pagesOfSyncAll - 5)),
            ("kill", random.Next(1, pagesOfSyncAll - 5)),
            ("kill", random.Next(1, pagesOfSyncAll - 5)),
            ("stop", random.Next(1, pagesOfSyncAll - 5)),
        ];

        var host = await WebHost.StartAsync(folder, settings);
        try
        {
            var awaitingRerun = new List<long>();
            var refused = new HashSet<long>(); // runs whose re-run job some app process refused
            var kills = 0;
            foreach (var (how, target) in rounds)
            {
                var before = replica.MaxRunId();
                var extraDelay = random.Next(0, 150);
                var runId = await host.StartSyncAsync("all", CrashFixture.Site);

                // The job of a run stopped earlier is run again by Hangfire while a later run is under way
                // (when, is Hangfire's business): it must find its run Interrupted and leave it alone.
                var current = host;
                await Wait.UntilAsync(() => current.Process.HasExited || replica.PagesSince(before) >= target,
                    TimeSpan.FromSeconds(90), () => $"run {runId}: {target} pages (now {replica.PagesSince(before)})\n{current.Process.Output}");
                Assert.False(host.Process.HasExited, host.Process.Output);
                await Task.Delay(extraDelay);

                if (how == "kill")
                {
                    host.Process.KillHard();
                }
                else
                {
                    host.Process.Terminate();
                    var exit = await host.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
                    Assert.True(exit == 0, $"exit {exit} after SIGTERM\n{host.Process.Output}");
                }

                var runs = replica.Runs(before);
                var leftBehind = runs.Where(r => r.Status is "Queued" or "Running").Select(r => r.Id).ToList();
                output.WriteLine($"{how} after {target}+ pages and {extraDelay} ms: run {runId}, {replica.PagesSince(before)} pages committed, " +
                                 $"runs {string.Join(", ", runs.Select(r => $"{r.Id} {r.Endpoint} {r.Status}"))}; {clock.Elapsed.TotalSeconds:N1} s");
                var problems = Invariants.Check(replica, fixture.Truth, runs.Where(r => r.Endpoint != "all").Select(r => r.Id));
                Assert.True(problems.Count == 0, $"{how} of run {runId}:\n{string.Join("\n", problems)}");
                if (how == "kill")
                {
                    Assert.Contains(runId, leftBehind);
                    kills++;
                }
                else
                {
                    // A shutdown cancels the run at its next page boundary and says so.
                    Assert.Empty(leftBehind);
                    Assert.Equal("Cancelled", runs.Single(r => r.Id == runId).Status);
                }

                // Secrets: nothing the killed or stopped process wrote names the API key.
                Assert.DoesNotContain(fixture.Server.Options.ApiKey, host.Process.Output, StringComparison.Ordinal);

                var requeued = PendingJobsAgedPastTheirTimeout(hangfire);
                if (how == "kill")
                {
                    Assert.Contains(runId, requeued); // its job had not finished: Hangfire runs it again
                }

                refused.UnionWith(awaitingRerun.Where(id => RefusedRerun(host, id)));
                host.Dispose();
                host = await WebHost.StartAsync(folder, settings);

                // The restart marked what the kill left behind Interrupted, before any job ran.
                foreach (var id in leftBehind)
                {
                    Assert.Equal("Interrupted", await host.StatusAsync(id));
                }

                awaitingRerun = [.. awaitingRerun.Where(id => !refused.Contains(id)).Union(requeued.Where(id => id == runId))];
                output.WriteLine($"  restarted: runs {string.Join(",", leftBehind)} Interrupted; jobs of runs {string.Join(",", requeued)} pending");
            }

            Assert.Equal(4, kills);

            // A sync to the end converges, beside the last re-run job.
            var last = replica.MaxRunId();
            var final = await host.StartSyncAsync("all", CrashFixture.Site);
            var finalHost = host;
            await Wait.UntilAsync(async () => (await finalHost.StatusAsync(final)) is not ("Queued" or "Running") && awaitingRerun.All(id => refused.Contains(id) || RefusedRerun(finalHost, id)),
                TimeSpan.FromSeconds(120), () => $"run {final} to end\n{finalHost.Process.Output}");
            Assert.Equal("Succeeded", await host.StatusAsync(final));
            var finalRuns = replica.Runs(last);
            Assert.All(finalRuns, r => Assert.Equal("Succeeded", r.Status));
            CliCrashTests.AssertConverged(fixture, replica, finalRuns.Where(r => r.Endpoint != "all").Select(r => r.Id));
        }
        finally
        {
            host.Dispose();
        }

        var logs = Directory.GetFiles(Path.Combine(folder, "logs"));
        Assert.NotEmpty(logs);
        Assert.All(logs, file => Assert.DoesNotContain(fixture.Server.Options.ApiKey, File.ReadAllText(file), StringComparison.Ordinal));

        var violations = await monitor.StopAsync();
        output.WriteLine($"{monitor.Polls} looks at sync_run; {clock.Elapsed.TotalSeconds:N1} s");
        Assert.True(monitor.Polls > 100, "the monitor hardly looked");
        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));
    }

    /// <summary>The app logged that Hangfire's re-run of a run's job found it not queued and did not run it.</summary>
    private static bool RefusedRerun(WebHost host, long runId) =>
        host.Process.Output.Contains($"Sync run {runId} is Interrupted, not queued; it is not run again.", StringComparison.Ordinal);

    /// <summary>
    /// The sync runs of the jobs still in Hangfire's queue (enqueued, or fetched by a worker that is
    /// gone). A fetched job goes back to a worker only after Hangfire's invisibility timeout (30
    /// minutes): its fetch time is moved back by 31 minutes, so that the restarted app takes it now.
    /// </summary>
    private static List<long> PendingJobsAgedPastTheirTimeout(Replica hangfire)
    {
        var pending = hangfire.Rows("SELECT j.Arguments FROM JobQueue q JOIN Job j ON j.Id = q.JobId WHERE j.InvocationData LIKE '%SyncJob%'")
            .Select(r => System.Text.Json.JsonDocument.Parse((string)r[0]!).RootElement[0].GetString()!)
            .Select(a => long.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        using var connection = hangfire.Open();
        using var age = connection.CreateCommand();
        var timeout = TimeSpan.FromMinutes(31).Ticks;
        age.CommandText = $"UPDATE JobQueue SET FetchedAt = FetchedAt - {timeout} WHERE FetchedAt > {timeout}"; // ticks; 0 = not fetched
        age.ExecuteNonQuery();
        return pending;
    }
}
