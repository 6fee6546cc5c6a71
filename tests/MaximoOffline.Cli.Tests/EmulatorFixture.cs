using System.Net.Http.Json;
using System.Text.Json;
using MaximoOffline.Emulator;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Cli.Tests;

/// <summary>
/// One emulator per test class on 127.0.0.1 (control API on), a temporary folder, and the settings
/// that point the command line at them. The test's own view of Maximo is plain HTTP.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "maximo-offline-cli-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "maximo.db");

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Scale = 1, Seed = 42, ControlApiEnabled = true });
        Http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl.GetLeftPart(UriPartial.Authority) + "/") };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The settings a user would export to use this emulator, plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> Settings(params (string Name, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Maximo__BaseUrl"] = Server.BaseUrl.ToString(),
            ["Maximo__ApiKey"] = Server.Options.ApiKey,
            ["Maximo__DefaultSite"] = "KDFAC",
        };
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }

        return settings;
    }

    public Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args) => CliProcess.RunAsync(Folder, settings, args);

    /// <summary>Maximo's own count of a collection (<c>count=1</c>), asked with the emulator's API key.</summary>
    public async Task<long> CountAsync(string objectStructure, string? where, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"maximo/api/os/{objectStructure}?lean=1&count=1{(where is null ? "" : "&oslc.where=" + Uri.EscapeDataString(where))}");
        request.Headers.Add("apikey", apiKey ?? Server.Options.ApiKey);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalCount").GetInt64();
    }

    public async Task ControlAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync("emulator/" + path, body);
        response.EnsureSuccessStatusCode();
    }

    public object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public long LiveRows(string table) => (long)Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE deleted_at IS NULL")!;
}
