using System.Diagnostics;
using MaximoOffline.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace MaximoOffline.Reliability.Tests;

/// <summary>
/// <c>maximo-offline sync all --force-full</c> killed with SIGKILL at random points, over and over, on
/// one replica file; then run to completion.
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CliCrashTests(CrashFixture fixture, ITestOutputHelper output)
{
    private const int Kills = 10;
    private const int Seed = 20261128;

    [Fact]
    public async Task KilledAtRandomPointsOfSyncAllTheReplicaStaysSoundAndARerunConvergesToTheEmulator()
    {
        var clock = Stopwatch.StartNew();
        var folder = fixture.NewFolder("cli");
        var replica = new Replica(Path.Combine(folder, "maximo.db"));
        var settings = fixture.Settings(replica.Path);
        var random = new Random(Seed);
        var pagesOfSyncAll = fixture.PagesOfSyncAll;
        List<long> leftBehind = [];
        var allLeftBehind = new List<long>();
        var kills = 0;

        for (var round = 1; kills < Kills; round++)
        {
            Assert.True(round <= Kills + 3, $"Only {kills} of {round - 1} rounds were killed mid-run: the syncs end before the kills.");
            var before = replica.MaxRunId();
            var target = random.Next(1, pagesOfSyncAll - 3); // past the last endpoint's first pages; a sync that ends first is not counted
            var extraDelay = random.Next(0, 150);

            using var cli = ProductProcess.Start(ProductProcess.CliDll, folder, folder, settings, "sync", "all", "--force-full", "--db-path", replica.Path);
            await Wait.UntilAsync(() => cli.HasExited || replica.PagesSince(before) >= target, TimeSpan.FromSeconds(90),
                () => $"round {round}: {target} pages committed; {replica.PagesSince(before)} so far\n{cli.Output}");
            Assert.False(cli.HasExited, $"round {round}: the sync ended (exit {(cli.HasExited ? cli.ExitCode : 0)}) before {target} pages\n{cli.Output}");

            // This process has claimed its run, so the runs the previous kill left behind are Interrupted now.
            AssertInterrupted(replica, leftBehind, $"round {round}, after the process started");

            await Task.Delay(extraDelay);
            cli.KillHard();

            var runs = replica.Runs(before);
            leftBehind = runs.Where(r => r.Status is "Queued" or "Running").Select(r => r.Id).ToList();
            var killedIn = runs.LastOrDefault(r => r.Endpoint != "all" && r.Status == "Running").Endpoint ?? "between endpoints";
            if (!runs.Any(r => r.Endpoint == "all" && r.Status == "Running"))
            {
                output.WriteLine($"round {round}: the sync had ended before the kill ({target} pages + {extraDelay} ms)");
                continue;
            }

            kills++;
            allLeftBehind.AddRange(leftBehind);
            var problems = Invariants.Check(replica, fixture.Truth, runs.Where(r => r.Endpoint != "all").Select(r => r.Id));
            output.WriteLine($"round {round}: killed after {target}+ pages and {extraDelay} ms, in {killedIn}, " +
                             $"{replica.PagesSince(before)} pages committed, runs left behind {string.Join(",", leftBehind)}; {clock.Elapsed.TotalSeconds:N1} s");
            Assert.True(problems.Count == 0, $"round {round} (killed in {killedIn}):\n{string.Join("\n", problems)}");
        }

        // Run to completion: the last kill's runs are marked Interrupted, and the replica converges.
        var last = replica.MaxRunId();
        using var final = ProductProcess.Start(ProductProcess.CliDll, folder, folder, settings, "sync", "all", "--force-full", "--db-path", replica.Path);
        var exit = await final.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exit == 0, $"exit {exit}\n{final.Output}");
        Assert.DoesNotContain(fixture.Server.Options.ApiKey, final.Output, StringComparison.Ordinal);

        AssertInterrupted(replica, allLeftBehind, "after the final run");
        Assert.DoesNotContain(replica.Runs(), r => r.Status is "Queued" or "Running");
        var finalRuns = replica.Runs(last);
        Assert.All(finalRuns, r => Assert.Equal("Succeeded", r.Status));
        Assert.Equal(7, finalRuns.Count);
        AssertConverged(fixture, replica, finalRuns.Where(r => r.Endpoint != "all").Select(r => r.Id));
        output.WriteLine($"{kills} kills, converged; {clock.Elapsed.TotalSeconds:N1} s");
    }

    internal static void AssertInterrupted(Replica replica, IReadOnlyCollection<long> runIds, string when)
    {
        if (runIds.Count == 0)
        {
            return;
        }

        var statuses = replica.Rows($"SELECT id, status FROM sync_run WHERE id IN ({string.Join(",", runIds)})");
        Assert.True(statuses.All(s => (string)s[1]! == "Interrupted"),
            $"{when}: runs left Running by a kill should be Interrupted: {string.Join(", ", statuses.Select(s => $"{s[0]} {s[1]}"))}");
    }

    /// <summary>Every table holds exactly the emulator's rows, and each endpoint's root table its count.</summary>
    internal static void AssertConverged(CrashFixture fixture, Replica replica, IEnumerable<long> runsToAudit)
    {
        var problems = Invariants.Check(replica, fixture.Truth, runsToAudit);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        foreach (var (table, keys) in fixture.Truth.Keys)
        {
            var key = replica.KeyColumn(table);
            var live = replica.Texts($"SELECT \"{key}\" FROM \"{table}\" WHERE deleted_at IS NULL").ToHashSet();
            Assert.True(keys.SetEquals(live), $"{table}: emulator has {keys.Count} rows, replica {live.Count}; missing {string.Join(",", keys.Except(live).Take(5))}");
        }

        foreach (var (slug, count) in fixture.Truth.Counts)
        {
            Assert.Equal(count, replica.Long($"SELECT COUNT(*) FROM \"{fixture.Truth.RootOf[slug]}\" WHERE deleted_at IS NULL"));
        }
    }
}
