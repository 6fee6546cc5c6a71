using MaximoOffline.Data.Database;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Tests;

public sealed class DatabaseFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-tests", Guid.NewGuid().ToString("N"));

    public DatabaseFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void TheDefaultDatabaseLivesInTheMaximoOfflineFolderOfTheHomeDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal(Path.Combine(home, ".maximo_offline", "maximo.db"), ReplicaDatabase.ResolvePath(null));
        Assert.Equal(Path.Combine(home, ".maximo_offline", "maximo.db"), ReplicaDatabase.ResolvePath("  "));
    }

    [Fact]
    public void ATildeInTheConfiguredPathMeansTheHomeDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal(Path.Combine(home, "replicas", "site.db"), ReplicaDatabase.ResolvePath("~/replicas/site.db"));
    }

    [Fact]
    public void NamingADatabaseTouchesNothingOnDisk()
    {
        var path = Path.Combine(_folder, "not-yet", "maximo.db");

        ReplicaDatabase.At(path);

        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task AMissingFolderIsCreatedAndTheDatabaseMigrated()
    {
        var path = Path.Combine(_folder, "nested", "deeper", "maximo.db");

        await ReplicaDatabase.At(path).MigrateAsync();

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task AFolderThatCannotBeCreatedGivesAnErrorNamingThePath()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where a folder should be");
        var path = Path.Combine(blocker, "maximo.db");

        var error = await Assert.ThrowsAsync<ReplicaDatabaseException>(() => ReplicaDatabase.At(path).MigrateAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Sync:DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotADatabaseGivesAnErrorNamingThePath()
    {
        var path = Path.Combine(_folder, "maximo.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = await Assert.ThrowsAsync<ReplicaDatabaseException>(() => ReplicaDatabase.At(path).MigrateAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a database", error.Message, StringComparison.Ordinal);
    }
}
