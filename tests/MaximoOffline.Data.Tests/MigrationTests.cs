using MaximoOffline.Data.Database;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Tests;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly TempReplica _replica = new();

    public Task InitializeAsync() => _replica.InitializeAsync();

    public Task DisposeAsync() => _replica.DisposeAsync();

    // The tables the README and docs/ARCHITECTURE.md name, written out here rather than read from the catalog, so that a
    // table dropped from the model fails this test.
    public static TheoryData<string> DesignTables() => new()
    {
        "person", "maxuser", "groupuser", "maxgroup", "locations", "asset", "assetmeter", "assetspec", "doclinks",
        "failurereport", "maxdomain", "synonymdomain", "alndomain", "numericdomain", "maxtabledomain",
        "crossoverdomain", "workorder", "woserviceaddress", "wplabor", "wpmaterial", "wptool", "labtrans",
        "matusetrans", "tooltrans", "worklog", "inventory", "invbalances", "invcost", "itemcondition",
        "matrectrans", "transfercuritem",
    };

    [Theory]
    [MemberData(nameof(DesignTables))]
    public void MigrationCreatesEveryReplicaTableWithTheBookkeepingColumns(string table)
    {
        var columns = Columns(table);

        Assert.NotEmpty(columns);
        Assert.Contains("rowstamp", columns);
        Assert.Contains("raw", columns);
        Assert.Contains("synced_at", columns);
        Assert.Contains("sync_run_id", columns);
        Assert.Contains("deleted_at", columns);
    }

    [Theory]
    [InlineData("sync_run", "status")]
    [InlineData("sync_run_table", "table_name")]
    [InlineData("sync_log", "seq")]
    [InlineData("sync_state", "cursor")]
    public void MigrationCreatesTheBookkeepingTables(string table, string column) =>
        Assert.Contains(column, Columns(table));

    [Theory]
    [InlineData("asset", "assetuid", "assetnum,siteid")]
    [InlineData("workorder", "workorderid", "siteid,wonum")]
    [InlineData("inventory", "inventoryid", "itemnum,itemsetid,location,siteid")]
    [InlineData("person", "personuid", "personid")]
    [InlineData("maxdomain", "maxdomainid", "domainid")]
    [InlineData("locations", "locationsid", "location,siteid")]
    public void RootTablesAreKeyedByTheUniqueIdWithTheNaturalKeyAsAUniqueIndex(string table, string uniqueId, string naturalKey)
    {
        var pk = (string)_replica.Scalar($"SELECT name FROM pragma_table_info('{table}') WHERE pk = 1")!;
        var index = (string?)_replica.Scalar(
            $"SELECT group_concat(ii.name, ',') FROM pragma_index_list('{table}') il, pragma_index_info(il.name) ii " +
            $"WHERE il.\"unique\" = 1 AND il.origin = 'c' GROUP BY il.name");

        Assert.Equal(uniqueId, pk);
        Assert.Equal(naturalKey, index);
    }

    [Theory]
    [InlineData("assetmeter", "asset")]
    [InlineData("groupuser", "maxuser")]
    [InlineData("crossoverdomain", "maxtabledomain")]
    [InlineData("invbalances", "inventory")]
    [InlineData("failurereport", "asset")]
    [InlineData("failurereport", "workorder")]
    public void ChildrenReferenceTheirParentWithCascadeDelete(string child, string parent)
    {
        var onDelete = (string?)_replica.Scalar(
            $"SELECT on_delete FROM pragma_foreign_key_list('{child}') WHERE \"table\" = '{parent}'");

        Assert.Equal("CASCADE", onDelete);
    }

    [Fact]
    public void TheDatabaseRunsInWalModeWithForeignKeysOn()
    {
        Assert.Equal("wal", _replica.Scalar("PRAGMA journal_mode"));
        Assert.Equal(1L, _replica.Scalar("PRAGMA foreign_keys"));
        Assert.True((long)_replica.Scalar("PRAGMA busy_timeout")! >= 1000);
    }

    [Fact]
    public async Task MigratingTwiceChangesNothing()
    {
        var before = _replica.Scalar("SELECT group_concat(sql, ';') FROM sqlite_master");

        await _replica.Database.MigrateAsync();

        Assert.Equal(before, _replica.Scalar("SELECT group_concat(sql, ';') FROM sqlite_master"));
    }

    private List<string> Columns(string table)
    {
        using var connection = _replica.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
