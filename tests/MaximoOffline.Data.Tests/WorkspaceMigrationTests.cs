using MaximoOffline.Data.Database;
using MaximoOffline.Data.Workspace;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MaximoOffline.Data.Tests;

/// <summary>A replica synced before the workspace existed gets its search index and list indexes from the migration.</summary>
public sealed class WorkspaceMigrationTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "maximo-offline-tests", Guid.NewGuid().ToString("N"));
    private ReplicaDatabase _database = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = ReplicaDatabase.At(Path.Combine(_folder, "maximo.db"));
        await using var context = _database.CreateContext();
        await context.GetService<IMigrator>().MigrateAsync("20261128180212_Initial");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MigratingAReplicaThatPredatesSearchIndexesItsLiveRowsOnly()
    {
        using (var connection = _database.OpenConnection())
        using (var insert = connection.CreateCommand())
        {
            // Rows as a sync before the workspace wrote them; one of them since deleted in Maximo.
            insert.CommandText = "INSERT INTO asset (assetuid, assetnum, siteid, description, raw, synced_at, deleted_at) VALUES " +
                                 "(1, 'P-1204', 'KDFAC', 'Centrifugal pump', '{}', '2024-05-01 09:00:00', NULL), " +
                                 "(2, 'P-1300', 'KDFAC', 'Centrifugal pump', '{}', '2024-05-01 09:00:00', '2024-05-01 10:00:00')";
            insert.ExecuteNonQuery();
        }

        await _database.MigrateAsync();

        var hits = new WorkspaceSearch(_database).Search("pump", "assets").Groups.Single().Hits;
        Assert.Equal(1L, Assert.Single(hits).Id);
        using var check = _database.OpenConnection();
        using var indexes = check.CreateCommand();
        indexes.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_workorder_live_%'";
        Assert.True((long)indexes.ExecuteScalar()! > 0);
    }

    [Fact]
    public async Task MigratingAnExistingReplicaMakesEverySearchIndexMergeLessOften()
    {
        await using (var context = _database.CreateContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("20261130234213_Accounts");
        }

        // As the Workspace migration left them before the setting existed (it builds today's index: see SearchIndex).
        using (var connection = _database.OpenConnection())
        using (var reset = connection.CreateCommand())
        {
            reset.CommandText = string.Concat(SearchIndex.Tables.Select(t => $"DELETE FROM \"{SearchIndex.IndexOf(t)}_config\" WHERE k IN ('automerge', 'crisismerge');"));
            reset.ExecuteNonQuery();
        }

        Assert.All(SearchIndex.Tables, t => Assert.Null(Setting(t, "automerge")));
        await _database.MigrateAsync();

        Assert.All(SearchIndex.Tables, t => Assert.Equal((16L, 32L), (Setting(t, "automerge"), Setting(t, "crisismerge"))));
    }

    private long? Setting(Replica.ReplicaTable table, string name)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT v FROM \"{SearchIndex.IndexOf(table)}_config\" WHERE k = '{name}'";
        return command.ExecuteScalar() is long value ? value : null;
    }

    [Fact]
    public async Task MigratingDownRemovesTheSearchIndexAndItsTriggers()
    {
        await _database.MigrateAsync();
        await using var context = _database.CreateContext();

        await context.GetService<IMigrator>().MigrateAsync("20261128180212_Initial");

        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%_search%'";
        Assert.Equal(0L, command.ExecuteScalar());
    }
}
