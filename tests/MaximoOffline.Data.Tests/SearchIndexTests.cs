using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;

namespace MaximoOffline.Data.Tests;

/// <summary>Search everywhere's index is kept by the replica's own triggers, in the transaction that changes a row, whatever changes it.</summary>
public sealed class SearchIndexTests : WriterTests
{
    private WorkspaceSearch Search => new(Replica.Database);

    private List<long> Found(string q, string kind = "assets") =>
        [.. Search.Search(q, kind, 100).Groups.SelectMany(g => g.Hits).Select(h => h.Id).Order()];

    private static string Pumps => Samples.Page(
        Samples.Asset(1, "P-1204", extra: ", \"serialnum\": \"SN-778812\""),
        Samples.Asset(2, "F-2001").Replace("Centrifugal pump F-2001", "Exhaust fan", StringComparison.Ordinal));

    [Fact]
    public void APageTheWriterCommitsIsFoundByAWordOfItsDescriptionAndByAPrefixOfItsNumber()
    {
        Write(ReplicaCatalog.Asset, Pumps);

        Assert.Equal([1L], Found("pump"));
        Assert.Equal([1L], Found("p-12"));
        Assert.Equal([1L], Found("centrifugal P 120"));
        Assert.Equal([1L], Found("7788"));
        Assert.Equal([2L], Found("exhaust"));
        Assert.Empty(Found("pump exhaust"));
    }

    [Fact]
    public void APageThatRollsBackLeavesTheIndexAsItWas()
    {
        Assert.Throws<InvalidOperationException>(() => Write(ReplicaCatalog.Asset, Pumps, (_, _) => throw new InvalidOperationException("crash")));

        Assert.Empty(Found("pump"));
        Assert.Equal(0L, Replica.Scalar("SELECT COUNT(*) FROM asset_search"));
    }

    [Fact]
    public void ASoftDeletedRowLeavesTheIndexAndReturnsWhenMaximoSendsItAgain()
    {
        Write(ReplicaCatalog.Asset, Pumps);

        Execute("UPDATE asset SET deleted_at = '2024-05-01 10:00:00' WHERE assetuid = 1"); // as a full sync's sweep marks it
        Assert.Empty(Found("pump"));

        Write(ReplicaCatalog.Asset, Pumps);
        Assert.Equal([1L], Found("pump"));
        AssertIntact();
    }

    [Fact]
    public void ANewDescriptionIsFoundByItsNewWordsAndNoLongerByTheOldOnes()
    {
        Write(ReplicaCatalog.Asset, Pumps);

        Write(ReplicaCatalog.Asset, Pumps.Replace("Centrifugal pump P-1204", "Boiler feed pump", StringComparison.Ordinal));

        Assert.Equal([1L], Found("boiler"));
        Assert.Empty(Found("centrifugal"));
        AssertIntact();
    }

    [Fact]
    public void ARecordThatTookTheNumberOfADeletedOneReplacesItInTheIndex()
    {
        Write(ReplicaCatalog.Asset, Pumps);

        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(9, "P-1204")));

        Assert.Equal([9L], Found("p-1204"));
        AssertIntact();
    }

    [Fact]
    public void ADomainValueItsDomainNoLongerListsLeavesTheIndex()
    {
        const string domain = """[{ "maxdomainid": 5, "domainid": "WOSTATUS", "description": "Work order status", "synonymdomain": [VALUES] }]""";
        const string appr = """{ "synonymdomainid": 51, "domainid": "WOSTATUS", "value": "APPR", "maxvalue": "APPR", "description": "Approved" }""";
        const string wappr = """{ "synonymdomainid": 52, "domainid": "WOSTATUS", "value": "WAPPR", "maxvalue": "WAPPR", "description": "Waiting on approval" }""";
        Write(ReplicaCatalog.MaxDomain, domain.Replace("VALUES", appr + "," + wappr, StringComparison.Ordinal));
        var hit = Assert.Single(Search.Search("approved", "domains").Groups.Single().Hits);
        Assert.Equal(5L, hit.Id);
        Assert.Equal("WOSTATUS", string.Concat(hit.Number.Select(s => s.Text)));

        Write(ReplicaCatalog.MaxDomain, domain.Replace("VALUES", wappr, StringComparison.Ordinal));

        Assert.Empty(Search.Search("approved", "domains").Groups);
        Assert.Single(Search.Search("waiting", "domains").Groups);
        AssertIntact();
    }

    [Fact]
    public void ADomainFoundByTwoOfItsValuesIsOneHitCountedOnce()
    {
        const string values = """
            { "synonymdomainid": 51, "domainid": "WOSTATUS", "value": "APPR", "maxvalue": "APPR", "description": "Approved" },
            { "synonymdomainid": 52, "domainid": "WOSTATUS", "value": "WAPPR", "maxvalue": "WAPPR", "description": "Waiting on approval" }
            """;
        Write(ReplicaCatalog.MaxDomain, $$"""[{ "maxdomainid": 5, "domainid": "WOSTATUS", "description": "Work order status", "synonymdomain": [{{values}}] }]""");

        var group = Search.Search("appr", "domains").Groups.Single();

        Assert.Equal(1, group.Count);
        var hit = Assert.Single(group.Hits);
        Assert.Equal(5L, hit.Id);
        Assert.Equal("Approved", string.Concat(hit.Description.Select(s => s.Text))); // its best value
        Assert.Equal("value", Assert.Single(hit.Also).Name);
    }

    [Fact]
    public void HitsMarkTheWordsThatMatchedAndNameTheOtherAttributeThatDid()
    {
        Write(ReplicaCatalog.Asset, Pumps);

        var hit = Search.Search("778812", "assets").Groups.Single().Hits.Single();

        Assert.Equal("serialnum", Assert.Single(hit.Also).Name);
        Assert.Equal([new TextSpan("SN-", false), new TextSpan("778812", true)], hit.Also[0].Value);
        var description = Search.Search("pump", "assets").Groups.Single().Hits.Single().Description;
        Assert.Equal([new TextSpan("Centrifugal ", false), new TextSpan("pump", true), new TextSpan(" P-1204", false)], description);
    }

    [Fact]
    public void TheWritersConnectionHasItsTriggersBackAfterEveryPageSoOtherStatementsKeepTheIndex()
    {
        using var connection = Replica.Open();
        using (var writer = new MaximoOffline.Data.Writing.ReplicaWriter(connection, ReplicaCatalog.Asset))
        {
            writer.WritePage(TempReplica.Page(Pumps));
            Assert.ThrowsAny<Exception>(() => writer.WritePage(TempReplica.Page("[{\"assetnum\": \"no unique id\"}]")));
        }

        using var sweep = connection.CreateCommand();
        sweep.CommandText = "UPDATE asset SET deleted_at = '2024-05-01 10:00:00' WHERE assetuid = 1";
        sweep.ExecuteNonQuery();

        Assert.Empty(Found("pump"));
        AssertIntact();
    }

    [Fact]
    public void ARemovedChildsOwnChildrenAreStillRemovedWhileTheWriterWrites()
    {
        const string person = """[{ "personuid": 1, "personid": "JONES", "displayname": "Ann Jones" USERS }]""";
        Write(ReplicaCatalog.Person, person.Replace("USERS", """, "maxuser": [{ "maxuserid": 10, "userid": "JONES", "groupuser": [{ "groupuserid": 100, "groupname": "PLANNERS" }] }]""", StringComparison.Ordinal));

        Write(ReplicaCatalog.Person, person.Replace("USERS", "", StringComparison.Ordinal));

        Assert.Equal(0, Replica.Count("maxuser"));
        Assert.Equal(0, Replica.Count("groupuser"));
        Assert.Equal([1L], Found("jones", "people"));
    }

    private void Execute(string sql)
    {
        using var connection = Replica.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>FTS5's own check that each index holds exactly the live rows' words.</summary>
    private void AssertIntact()
    {
        foreach (var table in SearchIndex.Tables)
        {
            var index = SearchIndex.IndexOf(table);
            Execute($"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)");
        }
    }
}
