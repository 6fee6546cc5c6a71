using System.Net;
using System.Net.Sockets;
using System.Text;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Sync.Tests;

/// <summary>What happens at the edges: a full disk, a Maximo that does not answer, one that answers absurdly.</summary>
public sealed class LimitsAndHostileMaximoTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await emulator.RestoreAsync();
    }

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    [Fact]
    public async Task AFullDiskFailsTheRunClearlyAndKeepsTheCommittedPagesIntact()
    {
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Sync:MaxDatabaseMegabytes"] = "3", ["Maximo:MaxConcurrentRequests"] = "1" });

        var (runId, status) = await harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Failed, status);
        Assert.Contains("database is full", harness.RunError(runId), StringComparison.Ordinal);
        Assert.Equal("ok", harness.Scalar("PRAGMA integrity_check"));
        var fetched = (long)harness.Scalar($"SELECT records_fetched FROM sync_run WHERE id = {runId}")!;
        Assert.InRange(fetched, 1, 499);
        Assert.Equal(fetched, harness.Count("asset"));
        Assert.Equal(harness.Scalar($"SELECT inserted FROM sync_run_table WHERE run_id = {runId} AND table_name = 'assetmeter'"), harness.Count("assetmeter", "1=1"));
    }

    [Fact]
    public async Task AMaximoSlowerThanTheRequestTimeoutFailsTheRunAfterABoundedNumberOfAttempts()
    {
        await emulator.ControlAsync("faults", new { kind = "latency", delayMs = 4_000 });
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:TimeoutSeconds"] = "1", ["Maximo:MaxRetries"] = "2" });

        var (runId, status) = await harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Failed, status);
        Assert.Contains("did not answer within 1 s", harness.RunError(runId), StringComparison.Ordinal);
        // The run's first questions go out at once; each is asked three times (one request, two retries).
        var attempts = harness.Requests.Urls.GroupBy(u => u).Select(g => g.Count()).ToList();
        Assert.All(attempts, n => Assert.InRange(n, 1, 3));
        Assert.Contains(3, attempts);
    }

    [Fact]
    public async Task ADeadMaximoFailsTheRunAfterTheRetryBudget()
    {
        // A server that accepts connections and closes them at once: every attempt fails fast.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = 0;
        using var stop = new CancellationTokenSource();
        var acceptLoop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                client.Client.LingerState = new LingerOption(true, 0);
            }
        });
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/maximo";
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:BaseUrl"] = url });

        var (runId, status) = await harness.RunAsync("assets");
        await stop.CancelAsync();

        Assert.Equal(SyncRunStatus.Failed, status);
        Assert.Contains(url, harness.RunError(runId), StringComparison.Ordinal);
        // The run asks its first questions at once (schema, cursor, count, lowest and highest id, and the
        // first page of records); each gets
        // Maximo:MaxRetries (4) retries after its first attempt, then the run gives up. .NET's handler may
        // itself repeat any attempt once on a connection the server dropped before answering, so the
        // budget is 6 questions × 5 attempts × 2 connections; a run without one would never end.
        const int questions = 6, attempts = 1 + 4;
        Assert.InRange(Volatile.Read(ref accepted), questions, questions * attempts * 2);
    }

    [Fact]
    public async Task ANegativeTotalCountFailsTheRunInsteadOfBeingBelieved()
    {
        await using var hostile = await HostileMaximo.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Request.Query["count"] == "1"
                ? """{"totalCount": -42}"""
                : """{"member": [], "responseInfo": {"totalCount": -42}}""");
        });
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:BaseUrl"] = hostile.BaseUrl });

        var (runId, status) = await harness.RunAsync("assets");

        Assert.Equal(SyncRunStatus.Failed, status);
        Assert.Contains("totalCount", harness.RunError(runId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHugePageIsRefusedWithoutBeingReadWhole()
    {
        // 50 MB of members, streamed.
        await using var hostile = await HostileMaximo.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"member\": [");
            var record = Encoding.UTF8.GetBytes("{\"assetuid\": 1, \"description\": \"" + new string('x', 1000) + "\"},");
            for (var i = 0; i < 50_000 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(record, context.RequestAborted);
            }

            await context.Response.WriteAsync("{\"assetuid\": 2}]}");
        });
        await using var harness = await SyncHarness.StartAsync(emulator, new() { ["Maximo:BaseUrl"] = hostile.BaseUrl, ["Maximo:MaxPageMegabytes"] = "4" });
        var client = harness.Services.GetRequiredService<MaximoClient>();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = await Assert.ThrowsAsync<MaximoResponseException>(() => client.GetPageAsync("MXAPIASSET", new MaximoQuery(), CancellationToken.None));

        Assert.Contains("Maximo:MaxPageMegabytes", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 40_000_000, "the page was read far beyond the limit");
    }

    [Fact]
    public async Task ALinkToAnotherHostIsRebasedOntoTheConfiguredMaximoAndNeverFollowed()
    {
        var foreign = 0;
        await using var other = await HostileMaximo.StartAsync(context =>
        {
            Interlocked.Increment(ref foreign);
            return Task.CompletedTask;
        });
        await using var harness = await SyncHarness.StartAsync(emulator);
        var client = harness.Services.GetRequiredService<MaximoClient>();
        var nextPage = new Uri(other.BaseUrl + "/api/os/mxapiasset?lean=1&oslc.pageSize=5&pageno=2");

        using var page = await client.GetPageAsync(nextPage, CancellationToken.None);

        Assert.Equal(5, page.Members.Count);
        Assert.Equal(0, Volatile.Read(ref foreign));
        Assert.Equal(emulator.Server.BaseUrl.Authority, client.Rebase(nextPage).Authority);
    }

    [Fact]
    public async Task AProxyThatDropsLeanGetsNamespacedBodiesThatSyncToTheSameRows()
    {
        // A gateway that rewrites lean=1 to lean=0: Maximo then answers in its namespaced form.
        using var upstream = new HttpClient { BaseAddress = new Uri(emulator.Server.BaseUrl.GetLeftPart(UriPartial.Authority)) };
        var namespacedPages = 0;
        await using var proxy = await HostileMaximo.StartAsync(async context =>
        {
            var query = context.Request.QueryString.Value!.Replace("lean=1", "lean=0", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + query);
            request.Headers.Add("apikey", context.Request.Headers["apikey"].ToString());
            using var response = await upstream.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            if (response.Headers.TryGetValues("maxrowstamp", out var stamp))
            {
                context.Response.Headers["maxrowstamp"] = stamp.First();
            }

            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains("\"rdfs:member\"", StringComparison.Ordinal) && body.Contains("\"spi:assetnum\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref namespacedPages);
            }

            await context.Response.WriteAsync(body);
        });
        await using var direct = await SyncHarness.StartAsync(emulator);
        await using var namespaced = await SyncHarness.StartAsync(emulator, new() { ["Maximo:BaseUrl"] = proxy.BaseUrl });

        Assert.Equal(SyncRunStatus.Succeeded, (await direct.RunAsync("assets")).Status);
        Assert.Equal(SyncRunStatus.Succeeded, (await namespaced.RunAsync("assets")).Status);

        Assert.Contains(namespaced.Requests.Urls, u => u.Contains("lean=1", StringComparison.Ordinal));
        Assert.True(Volatile.Read(ref namespacedPages) > 0, "the proxy passed on no namespaced page");
        foreach (var table in new[] { "asset", "assetmeter", "assetspec", "doclinks", "failurereport", "downtimereport", "serviceaddress" })
        {
            var expected = direct.Column<string>($"SELECT CAST(rowid AS TEXT) FROM \"{table}\"").Count;
            Assert.True(expected > 0, table);
            Assert.Equal(expected, namespaced.Count(table, "1=1"));
        }

        Assert.Equal(direct.Scalar("SELECT group_concat(assetnum || status || COALESCE(location, ''), ',') FROM (SELECT * FROM asset ORDER BY assetuid)"),
            namespaced.Scalar("SELECT group_concat(assetnum || status || COALESCE(location, ''), ',') FROM (SELECT * FROM asset ORDER BY assetuid)"));
        Assert.Equal(direct.Scalar("SELECT group_concat(document, ',') FROM (SELECT * FROM doclinks ORDER BY doclinksid)"),
            namespaced.Scalar("SELECT group_concat(document, ',') FROM (SELECT * FROM doclinks ORDER BY doclinksid)"));
    }

    /// <summary>A small server on 127.0.0.1 that answers every request with whatever a test wants.</summary>
    private sealed class HostileMaximo : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private HostileMaximo(WebApplication app, string baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public static async Task<HostileMaximo> StartAsync(RequestDelegate answer)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(answer);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new HostileMaximo(app, address.TrimEnd('/') + "/maximo");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
