using MaximoOffline.Emulator;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// One scale-10 emulator for the crash tests (control API on, a small latency on every request so
/// that a sync all lasts a few seconds and kills land mid-run), what a complete replica of it holds,
/// and a temporary folder.
/// </summary>
public sealed class CrashFixture : IAsyncLifetime
{
    public const string Site = "KDFAC";

    /// <summary>Small pages: many transactions per sync, so kills land at many different points.</summary>
    public const int PageSize = 100;

    public EmulatorServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public EmulatorTruth Truth { get; private set; } = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "maximo-offline-reliability-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        (Server, Http) = await SlowEmulator.StartAsync(scale: 10, maxDelayMs: 40);
        Truth = await EmulatorTruth.ReadAsync(Http, Site);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed process's files may still be going away; the folder is under the temp path.
        }
    }

    /// <summary>A new folder for one test's replica.</summary>
    public string NewFolder(string name)
    {
        var folder = Path.Combine(Folder, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The settings a user would export to sync from this emulator.</summary>
    public Dictionary<string, string> Settings(string databasePath) => new()
    {
        ["Maximo__BaseUrl"] = Server.BaseUrl.ToString(),
        ["Maximo__ApiKey"] = Server.Options.ApiKey,
        ["Maximo__DefaultSite"] = Site,
        ["Maximo__PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sync__DatabasePath"] = databasePath,
    };

    /// <summary>Roughly how many pages a sync all commits.</summary>
    public int PagesOfSyncAll => Truth.Counts.Values.Sum(c => (int)((c + PageSize - 1) / PageSize));
}

[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<CrashFixture>
{
    // The crash tests share one emulator and run one after the other: each drives a product process hard.
    public const string Name = "Crashes";
}
