using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Data.Bookkeeping;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The web app on Kestrel at a real 127.0.0.1 port, with its built-in emulator (control API on) and
/// a replica in a temporary folder. One per test class.
/// </summary>
public class WebAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-tests", Guid.NewGuid().ToString("N"));

    public WebAppFixture() => UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));

    public Uri BaseUrl { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "maximo.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sync:DatabasePath", DatabasePath);
        builder.UseSetting("Web:EmulatorControl", "true");
        builder.UseSetting("Maximo:PageSize", "100");
        builder.UseSetting("Maximo:MaxConcurrentRequests", "2");
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFilter>());
    }

    public virtual Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseUrl };
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Http.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Hangfire may still be closing its file; the temp folder is cleaned up by the OS.
        }
    }

    /// <summary>Everything the app has logged to its files so far (they stay open for writing, so they are read shared).</summary>
    public async Task<string> ReadLogAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_folder, "logs")))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync("emulator/" + path, body ?? new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task ClearFaultsAsync() => (await Http.DeleteAsync("emulator/faults")).EnsureSuccessStatusCode();

    /// <summary>Holds the built-in emulator's page requests of <paramref name="path"/> until the test opens the gate.</summary>
    public Task<PageGate> HoldPagesAsync(string path, double? fraction = null) => PageGate.CloseAsync(Http, path, fraction);

    /// <summary>Waits until a run has ended and returns it.</summary>
    public async Task<JsonElement> WaitForEndAsync(long runId, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var run = await GetJsonAsync($"api/runs/{runId}");
            var status = Enum.Parse<SyncRunStatus>(run.GetProperty("status").GetString()!);
            if (status is not (SyncRunStatus.Queued or SyncRunStatus.Running))
            {
                return run;
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Waits until no run is queued or running (a test's runs do not leak into the next).</summary>
    public async Task WaitForIdleAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while ((await GetJsonAsync("api/runs?limit=20")).EnumerateArray().Any(r => r.GetProperty("status").GetString() is "Queued" or "Running"))
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Open work orders of a site as the replica holds them (the first <paramref name="count"/> by id).</summary>
    public Task<long[]> OpenWorkOrderIdsAsync(string site, int count)
    {
        using var connection = Open(readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT workorderid FROM workorder WHERE deleted_at IS NULL AND siteid = '{site}' ORDER BY workorderid LIMIT {count}";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return Task.FromResult(ids.ToArray());
    }

    /// <summary>The emulator's own count of a collection (count=1), the test's independent view of Maximo.</summary>
    public async Task<long> EmulatorCountAsync(string os, string where)
    {
        var key = Services.GetRequiredService<Sync.Client.IMaximoLocator>().ApiKey;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"maximo/api/os/{os}?lean=1&count=1&oslc.where={Uri.EscapeDataString(where)}");
        request.Headers.Add("apikey", key);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalCount").GetInt64();
    }

    /// <summary>The first row of a read-only query on the replica file, by column name (the test's own view of the data).</summary>
    public Dictionary<string, object?>? ReplicaRow(string sql)
    {
        using var connection = Open(readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return reader.Read() ? Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)) : null;
    }

    /// <summary>A value read from the replica file itself: the test's own view of it.</summary>
    public T Scalar<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = Open(readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "The replica has no row for: " + sql);
        return read(reader);
    }

    /// <summary>Changes the replica as another program would (its triggers keep the search index).</summary>
    public void Execute(string sql)
    {
        using var connection = Open(readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open(bool readOnly)
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};{(readOnly ? "Mode=ReadOnly;" : "")}Pooling=False");
        connection.Open();
        return connection;
    }
}
