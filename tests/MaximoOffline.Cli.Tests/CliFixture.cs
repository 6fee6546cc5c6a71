using Microsoft.Data.Sqlite;

namespace MaximoOffline.Cli.Tests;

/// <summary>
/// The emulator of a test class, a temporary folder, and the settings that point the command line at
/// them. The command line runs as its own process; the replica is read with plain SQL.
/// </summary>
public class CliFixture : EmulatorFixture
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "maximo-offline-cli-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "maximo.db");

    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
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

    /// <summary>Runs <c>maximo-offline <paramref name="args"/></c> in the fixture's folder.</summary>
    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args) =>
        ProductProcess.RunAsync(ProductProcess.CliDll, Folder, settings, args);

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
