using System.Text.Json;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Tests.Shared;

namespace MaximoOffline.Data.Tests;

/// <summary>The same records in a SQLite replica and a PostgreSQL one (a private server), written as a sync writes them.</summary>
public sealed class TwoReplicas : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public WorkspaceRows Sqlite { get; } = new();

    public PostgresReplica Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Sqlite.InitializeAsync();
        Postgres = new PostgresReplica(await Server.CreateDatabaseAsync("workspace"));
        await Postgres.MigrateAsync();
        WorkspaceRows.Fill(Postgres);
        foreach (var store in new ReplicaStore[] { Sqlite.Replica.Database, Postgres })
        {
            WorkspaceRows.Write(store, ReplicaCatalog.Asset,
            [
                Samples.Asset(9001, "P-1204", meters: Samples.Meter(1, "RUNHOURS") + "," + Samples.Meter(2, "PRESSURE", "3.5"), extra: ", \"serialnum\": \"SN-778812\""),
                Samples.Asset(9002, "Z-9002").Replace("Centrifugal pump Z-9002", "Condenser fan", StringComparison.Ordinal),
                Samples.Asset(9003, "MÜ-7").Replace("Centrifugal pump MÜ-7", "Müller's café-grinder (spare)", StringComparison.Ordinal),
            ]);
            WorkspaceRows.Write(store, ReplicaCatalog.MaxDomain,
            ["""
             { "maxdomainid": 500, "domainid": "WOSTATUS", "description": "Work order status", "synonymdomain": [
               { "synonymdomainid": 501, "domainid": "WOSTATUS", "value": "APPR", "maxvalue": "APPR", "description": "Approved" },
               { "synonymdomainid": 502, "domainid": "WOSTATUS", "value": "WAPPR", "maxvalue": "WAPPR", "description": "Waiting on approval" } ] }
             """]);
        }
    }

    public IEnumerable<ReplicaStore> Both => [Sqlite.Replica.Database, Postgres];

    public async Task DisposeAsync()
    {
        await Postgres.DisposeAsync();
        await Sqlite.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// The offline workspace on PostgreSQL answers as it does on SQLite: the same search hits and counts
/// (through PostgreSQL's own full-text index), the same list pages and cursors, the same detail views,
/// and the same refusals of hostile input, never a database error.
/// </summary>
public sealed class PostgresWorkspaceTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static TheoryData<string> Searches() =>
    [
        "pump", "pump 12", "p-12", "centrifugal P 120", "7788", "repair pump", "1001", "bearing 1", "person 1", "d0", "approved",
        "waiting", "a0", "area", "operating", "müller", "MULLER cafe", "grinder spare", "nothing here", "near or",
        "\"pump", "pump*", "NEAR(pump 1)", "description:pump", "'; DROP TABLE asset; --", "🔧 pump", "pump\u0000", "* : ^ ( ) - + \" '",
        "a b c d e f g h i", new string('a', 10 * 1024), "",
    ];

    [Theory]
    [MemberData(nameof(Searches))]
    public void SearchFindsTheSameKindsRecordsAndCountsOnBoth(string q)
    {
        var (sqlite, postgres) = OnBoth(store => Outcome(() => Comparable(new WorkspaceSearch(store).Search(q, limit: 100))));

        Assert.Equal(sqlite, postgres);
    }

    [Fact]
    public void APrefixOfANumberFindsItOnPostgres()
    {
        var result = new WorkspaceSearch(replicas.Postgres).Search("pump 12", "assets");

        var hit = Assert.Single(result.Groups.Single().Hits);
        Assert.Equal(9001L, hit.Id);
        Assert.Contains(new TextSpan("pump", true), hit.Description);
        Assert.Equal(Searched("approved", "domains", replicas.Sqlite.Replica.Database), Searched("approved", "domains", replicas.Postgres));
        Assert.Equal([500L], Searched("approved", "domains", replicas.Postgres));
    }

    [Fact]
    public async Task ARecordNamedByItsNumberIsFoundBehindMoreNewerMatchesThanTheWindowOnPostgres()
    {
        await using var replica = new PostgresReplica(await replicas.Server.CreateDatabaseAsync("window"));
        await replica.MigrateAsync();
        var newer = Enumerable.Range(0, WorkspaceSearch.Window + 10).Select(i =>
            Samples.Asset(100 + i, $"B-{i}").Replace($"Centrifugal pump B-{i}", $"Spare for gearbox 7 line {i}", StringComparison.Ordinal));
        WorkspaceRows.Write(replica, ReplicaCatalog.Asset, [Samples.Asset(1, "GEARBOX-7").Replace("Centrifugal pump GEARBOX-7", "Spare", StringComparison.Ordinal), .. newer]);

        var group = Assert.Single(new WorkspaceSearch(replica).Search("gearbox 7", "assets", 5).Groups);

        Assert.Equal(1L, group.Hits[0].Id);
        Assert.False(group.CountIsExact);
    }

    [Fact]
    public void ADomainsListByAWordOfOneOfItsValuesFindsTheDomainAsSearchDoesOnBoth()
    {
        foreach (var store in replicas.Both)
        {
            var lists = new WorkspaceLists(store);
            Assert.Contains(500L, lists.Page(ListQuery.Parse(WorkspaceKinds.Domains, q: "waiting approval")).Items.Select(i => i.Id));
            Assert.Contains(500L, new WorkspaceLists(store) { CommonMatches = 1 }.Page(ListQuery.Parse(WorkspaceKinds.Domains, q: "approved")).Items.Select(i => i.Id));
            Assert.Equal(Searched("approved", "domains", store), lists.All(ListQuery.Parse(WorkspaceKinds.Domains, q: "approved")).Select(r => r.Id).Order().ToList());
        }
    }

    [Fact]
    public async Task ANewReplicasSearchIndexIsTheOneTheCodeMakesTodayOnPostgres()
    {
        // The migrations run SQL as it was when each was written: a change to PostgresSearchIndex needs a migration of its own.
        await using var replica = new PostgresReplica(await replicas.Server.CreateDatabaseAsync("searchdrift"));
        await replica.MigrateAsync();
        List<string> Schema()
        {
            using var connection = replica.OpenConnection();
            using var command = ReplicaCommands.Create(connection, null,
                "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE indexname LIKE 'ix\\_%\\_search' " +
                $"UNION ALL SELECT pg_get_functiondef('{PostgresSearchIndex.WordsFunction}'::regproc) ORDER BY 1");
            using var reader = command.ExecuteReader();
            var schema = new List<string>();
            while (reader.Read())
            {
                schema.Add(reader.GetString(0));
            }

            return schema;
        }

        var migrated = Schema();
        Execute(replica, PostgresSearchIndex.DropSql() + PostgresSearchIndex.CreateSql());

        Assert.Equal(SearchIndex.Tables.Count + 1, migrated.Count);
        Assert.Equal(Schema(), migrated);
    }

    [Fact]
    public void ASoftDeletedRowLeavesSearchAndComesBackWhenWrittenAgain()
    {
        foreach (var store in replicas.Both)
        {
            Assert.Equal([9002L], Searched("condenser", "assets", store));
            Execute(store, "UPDATE asset SET deleted_at = @at WHERE assetuid = 9002", ("@at", store.ReplicaTime(DateTime.UtcNow)));
            Assert.Empty(Searched("condenser", "assets", store));
            Execute(store, "UPDATE asset SET deleted_at = NULL WHERE assetuid = 9002");
            Assert.Equal([9002L], Searched("condenser", "assets", store));
        }
    }

    public static TheoryData<string, string, string?, string?, string?, bool?, bool> Lists()
    {
        var lists = new TheoryData<string, string, string?, string?, string?, bool?, bool>();
        foreach (var kind in WorkspaceKinds.All)
        foreach (var sort in kind.Sorts.SelectMany(s => new[] { s, "-" + s }))
        {
            lists.Add(kind.Slug, sort, null, null, null, null, false);
            lists.Add(kind.Slug, sort, kind.SiteScoped ? "S2" : null, null, null, kind.HasOpenFilter ? false : null, true);
            lists.Add(kind.Slug, sort, null, "1", null, null, false);
            lists.Add(kind.Slug, sort, null, "1", null, kind.HasOpenFilter ? false : null, true);
            if (kind.StatusColumn is not null)
            {
                lists.Add(kind.Slug, sort, kind.SiteScoped ? "S1" : null, null, kind.Slug switch { "locations" => "OPERATING", "inventory" or "people" => "ACTIVE", _ => "APPR" }, null, false);
            }
        }

        lists.Add("domains", "domainid", null, "approv", null, null, false);
        lists.Add("assets", "description", null, "pump", null, null, false);
        lists.Add("workorders", "-targstartdate", null, "repair pump 1", null, false, false);
        return lists;
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void ListPagesAndTheirCursorsAreTheSameOnBoth(string slug, string sort, string? site, string? q, string? status, bool? open, bool deleted)
    {
        var kind = WorkspaceKinds.Find(slug)!;
        List<string> Pages(ReplicaStore store)
        {
            var lists = new WorkspaceLists(store);
            var pages = new List<string>();
            string? after = null;
            do
            {
                var page = lists.Page(ListQuery.Parse(kind, q, site, status, open, sort, after, limit: 4, deleted));
                pages.Add(JsonSerializer.Serialize(page, Json));
                after = page.Next;
                Assert.True(pages.Count < 50, "paging does not end");
            }
            while (after is not null);
            return pages;
        }

        var (sqlite, postgres) = OnBoth(Pages);

        Assert.DoesNotContain("\"Count\":0,", sqlite[0], StringComparison.Ordinal);
        Assert.Equal(sqlite, postgres);
    }

    [Theory]
    [InlineData("assets")]
    [InlineData("locations")]
    [InlineData("workorders")]
    [InlineData("inventory")]
    [InlineData("people")]
    [InlineData("domains")]
    public void EveryRecordsDetailIsTheSameOnBoth(string slug)
    {
        var kind = WorkspaceKinds.Find(slug)!;
        var ids = new WorkspaceLists(replicas.Sqlite.Replica.Database).All(ListQuery.Parse(kind, deleted: true, open: kind.HasOpenFilter ? false : null))
            .Select(r => r.Id).Append(987_654_321).ToList();

        foreach (var id in ids)
        {
            var (sqlite, postgres) = OnBoth(store => Comparable(new WorkspaceRecords(store).Find(kind, id)));
            Assert.Equal(sqlite, postgres);
        }

        Assert.True(ids.Count > 10);
    }

    [Fact]
    public Task EveryListStatementReadsThroughAnIndexOnALargeReplica() => PostgresListPlans.AssertEveryStatementUsesAnIndexAsync(replicas.Server);

    private (T Sqlite, T Postgres) OnBoth<T>(Func<ReplicaStore, T> read) => (read(replicas.Sqlite.Replica.Database), read(replicas.Postgres));

    private static List<long> Searched(string q, string kind, ReplicaStore store) =>
        [.. new WorkspaceSearch(store).Search(q, kind, 100).Groups.SelectMany(g => g.Hits).Select(h => h.Id).Order()];

    /// <summary>What both engines must agree on: everything, the hits' ranks and their order included (both are ranked by the app).</summary>
    private static string Comparable(SearchResult result) => JsonSerializer.Serialize(result, Json);

    /// <summary>
    /// A record's view, without when it was written (each replica was written at its own moment), its other
    /// attributes by name: PostgreSQL keeps <c>raw</c> as jsonb, which does not keep Maximo's order of keys.
    /// </summary>
    private static string Comparable(RecordView? view) => view is null ? "null" : JsonSerializer.Serialize(view with
    {
        SyncedAt = "",
        Attributes = [.. view.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal)],
    }, Json);

    /// <summary>The answer, or the refusal's message: anything else (a database error) fails the test.</summary>
    private static string Outcome(Func<string> answer)
    {
        try
        {
            return answer();
        }
        catch (WorkspaceRequestException e)
        {
            return "refused: " + e.Message;
        }
    }

    private static void Execute(ReplicaStore store, string sql, params (string, object?)[] parameters)
    {
        using var connection = store.OpenConnection();
        using var command = ReplicaCommands.Create(connection, null, sql, parameters);
        command.ExecuteNonQuery();
    }
}
