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

        // The Workspace migration makes the index as it was then (its SQL is kept as written: MigrationSql), before the setting existed.
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
    public async Task ANewReplicasSearchIndexIsTheOneTheCodeMakesToday()
    {
        // The migrations run SQL as it was when each was written: a change to SearchIndex needs a migration of its own.
        await _database.MigrateAsync();
        var migrated = SearchSchema();

        using (var connection = _database.OpenConnection())
        using (var remake = connection.CreateCommand())
        {
            remake.CommandText = SearchIndex.DropSql() + SearchIndex.CreateSql();
            remake.ExecuteNonQuery();
        }

        Assert.Equal(SearchSchema(), migrated);
    }

    /// <summary>Every index's definition, views and triggers included, and its settings.</summary>
    private List<string> SearchSchema()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name LIKE '%\\_search%' ESCAPE '\\' " +
                              string.Concat(SearchIndex.Tables.Select(t => $"UNION ALL SELECT '{SearchIndex.IndexOf(t)} ' || k || ' = ' || v FROM \"{SearchIndex.IndexOf(t)}_config\" WHERE k <> 'version' ")) +
                              "ORDER BY 1";
        using var reader = command.ExecuteReader();
        var schema = new List<string>();
        while (reader.Read())
        {
            schema.Add(reader.GetString(0));
        }

        return schema;
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
