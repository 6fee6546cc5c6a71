using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Sync.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ReliabilityTests(WebAppFixture app) : IClassFixture<WebAppFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.ClearFaultsAsync();
        await app.ControlAsync("keys/restore");
        await app.WaitForIdleAsync();
    }

    public async Task DisposeAsync()
    {
        await app.ClearFaultsAsync();
        await app.ControlAsync("keys/restore");
    }

    [Fact]
    public async Task TwentySimultaneousRequestsForOneEndpointStartExactlyOneRun()
    {
        await app.ControlAsync("faults", new { kind = "latency", delayMs = 300, path = "/os/mxapiinventory" });
        using var gate = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            gate.Wait();
            using var response = await app.Http.PostAsJsonAsync("api/sync/inventory", new { full = true });
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        })).ToList();
        gate.Set();
        var answers = await Task.WhenAll(requests);
        await app.ClearFaultsAsync();

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        Assert.Equal("Succeeded", (await app.WaitForEndAsync(answers[0].Item2)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SyncAllBesideASingleEndpointSyncNeverRunsAnEndpointTwiceAtOnce()
    {
        // The single locations run is slow, so that the all run reaches locations while it still runs.
        await app.ControlAsync("faults", new { kind = "latency", delayMs = 800, path = "/os/mxapilocations" });
        using var single = await app.Http.PostAsJsonAsync("api/sync/locations", new { full = true });
        Assert.Equal(HttpStatusCode.Accepted, single.StatusCode);
        using var all = await app.Http.PostAsync("api/sync/all", null);
        var allRun = (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        var overlaps = new ConcurrentBag<string>();

        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT endpoint FROM sync_run WHERE status = 'Running' AND endpoint <> 'all' GROUP BY endpoint HAVING COUNT(*) > 1";
                if (await command.ExecuteScalarAsync() is string twice)
                {
                    overlaps.Add(twice);
                }

                await Task.Delay(20);
            }
        });
        var end = await app.WaitForEndAsync(allRun, TimeSpan.FromMinutes(3));
        await watching.CancelAsync();
        await watcher;

        Assert.Equal("Succeeded", end.GetProperty("status").GetString());
        Assert.Empty(overlaps);
        var log = (await app.GetJsonAsync($"api/runs/{allRun}/log")).EnumerateArray().Select(l => l.GetProperty("message").GetString()).ToList();
        Assert.Contains(log, m => m!.Contains("locations is already syncing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TablesCanBeReadWhileASyncWritesHeavily()
    {
        await app.ControlAsync("faults", new { kind = "latency", delayMs = 20, path = "/os/" });
        using var start = await app.Http.PostAsJsonAsync("api/sync/wodetail", new { site = "LCVIRQ", full = true });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64();
        var failures = new List<string>();
        var reads = 0;

        while ((await app.GetJsonAsync($"api/runs/{runId}")).GetProperty("status").GetString() is "Queued" or "Running")
        {
            using var tables = await app.Http.GetAsync("api/tables");
            using var endpoints = await app.Http.GetAsync("api/endpoints");
            reads += 2;
            if (!tables.IsSuccessStatusCode || !endpoints.IsSuccessStatusCode)
            {
                failures.Add(await tables.Content.ReadAsStringAsync() + await endpoints.Content.ReadAsStringAsync());
            }
        }

        Assert.True(reads >= 4, $"only {reads} reads happened during the sync");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("KDFAC\" or 1=1")]
    [InlineData("  ")]
    [InlineData("K\u00c4FAC")]
    [InlineData("\u0000")]
    [InlineData("KD\r\nFAC")]
    [InlineData("'; DROP TABLE asset; --")]
    public async Task HostileSitesAreRejectedWith400(string site)
    {
        using var response = await app.Http.PostAsJsonAsync("api/sync/assets", new { site });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("site", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AKilobyteSiteIsRejectedWith400()
    {
        using var response = await app.Http.PostAsJsonAsync("api/sync/assets", new { site = new string('K', 1024) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBodyIsRejectedWith400()
    {
        using var content = new StringContent("{\"site\": \"KDFAC\", \"pad\": \"" + new string('x', 100_000) + "\"}", System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Http.PostAsync("api/sync/assets", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheApiKeyReachesNoLogLineHubMessageOrJobArgument()
    {
        var key = app.Services.GetRequiredService<IMaximoLocator>().ApiKey!;
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseUrl, "hubs/sync")).Build();
        var messages = new ConcurrentQueue<string>();
        foreach (var method in new[] { "runStarted", "progress", "log", "counts", "runFinished" })
        {
            hub.On<JsonElement>(method, e => messages.Enqueue(e.GetRawText()));
        }

        await hub.StartAsync();

        // A sync, then an authentication failure.
        using var ok = await app.Http.PostAsJsonAsync("api/sync/locations", new { full = true });
        await app.WaitForEndAsync((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        await app.ControlAsync("keys/revoke");
        using var refused = await app.Http.PostAsJsonAsync("api/sync/inventory", new { site = "KDFAC", full = true });
        var failedRun = await app.WaitForEndAsync((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        await app.ControlAsync("keys/restore");

        Assert.Equal("Failed", failedRun.GetProperty("status").GetString());
        Assert.NotEmpty(messages);
        Assert.DoesNotContain(messages, m => m.Contains(key, StringComparison.Ordinal));
        var logs = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "logs"));
        Assert.NotEmpty(logs);
        foreach (var file in logs)
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var text = await reader.ReadToEndAsync();
            Assert.True(text.Contains("BMXAA9549E", StringComparison.Ordinal), text[^Math.Min(text.Length, 3000)..]);
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }

        await using var jobs = new SqliteConnection($"Data Source={Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "hangfire.db")};Mode=ReadOnly");
        await jobs.OpenAsync();
        await using var command = jobs.CreateCommand();
        command.CommandText = "SELECT Arguments FROM Job";
        await using var rows = await command.ExecuteReaderAsync();
        var arguments = new List<string>();
        while (await rows.ReadAsync())
        {
            arguments.Add(rows.GetString(0));
        }

        Assert.NotEmpty(arguments);
        Assert.All(arguments, a => Assert.Matches("^\\[\"\\d+\",null\\]$", a));
    }

    [Theory]
    [InlineData("Maximo:PageSize", "-5", "Maximo:PageSize")]
    [InlineData("Maximo:BaseUrl", "not a url", "Maximo:BaseUrl")]
    [InlineData("Maximo:AuthMode", "Kerberos", "Maximo:AuthMode")]
    [InlineData("Sync:MaxDeleteFraction", "2", "Sync:MaxDeleteFraction")]
    public void BadSettingsStopStartUpWithAMessageNamingTheKey(string key, string value, string named)
    {
        using var broken = new BrokenSettingsFactory(key, value);

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(named, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private sealed class BrokenSettingsFactory(string key, string value) : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Sync:DatabasePath", Path.Combine(_folder, "maximo.db"));
            builder.UseSetting("Maximo:ApiKey", "k");
            builder.UseSetting(key, value);
        }
    }
}
