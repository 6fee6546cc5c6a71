using System.Text.Json;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Tests;

public sealed class ReplicaWriterTests : IAsyncLifetime
{
    private readonly TempReplica _replica = new();

    public Task InitializeAsync() => _replica.InitializeAsync();

    public Task DisposeAsync() => _replica.DisposeAsync();

    private PageWriteResult Write(ReplicaTable root, string pageJson, Action<SqliteTransaction, PageWriteResult>? alsoInTransaction = null)
    {
        using var connection = _replica.Open();
        using var writer = new ReplicaWriter(connection, root);
        return writer.WritePage(TempReplica.Page(pageJson), syncRunId: 7, alsoInTransaction);
    }

    private static string ThreeAssets => Samples.Page(
        Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS") + "," + Samples.Meter(12, "TEMP")),
        Samples.Asset(2, "P-200", meters: Samples.Meter(21, "RUNHOURS")),
        Samples.Asset(3, "P-300"));

    [Fact]
    public void AFirstPageInsertsEveryRecordAndChild()
    {
        var result = Write(ReplicaCatalog.Asset, ThreeAssets);

        Assert.Equal(3, result.Records);
        Assert.Equal((3, 0, 0), Counts(result, "asset"));
        Assert.Equal((3, 0, 0), Counts(result, "assetmeter"));
        Assert.Equal(3, _replica.Count("asset"));
        Assert.Equal(2, _replica.Count("assetmeter", "asset_id = 1"));
    }

    [Fact]
    public void UpsertingTheSamePageTwiceLeavesIdenticalRowsAndCountsTheSecondPassAsUpdates()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets);
        var assetsBefore = _replica.Rows("asset");
        var metersBefore = _replica.Rows("assetmeter");

        var second = Write(ReplicaCatalog.Asset, ThreeAssets);

        Assert.Equal((0, 3, 0), Counts(second, "asset"));
        Assert.Equal((0, 3, 0), Counts(second, "assetmeter"));
        Assert.Equal(assetsBefore, _replica.Rows("asset"));
        Assert.Equal(metersBefore, _replica.Rows("assetmeter"));
    }

    [Fact]
    public void AParentWhoseChildListShrinksLosesExactlyTheRemovedChildren()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets);

        var result = Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", meters: Samples.Meter(12, "TEMP", reading: "88")),
            Samples.Asset(2, "P-200", meters: Samples.Meter(21, "RUNHOURS")),
            Samples.Asset(3, "P-300")));

        Assert.Equal((0, 2, 1), Counts(result, "assetmeter"));
        Assert.Equal([12L, 21L], Ids("SELECT assetmeterid FROM assetmeter ORDER BY 1"));
        Assert.Equal("88", _replica.Scalar("SELECT lastreading FROM assetmeter WHERE assetmeterid = 12"));
    }

    [Fact]
    public void AParentThatNoLongerListsAChildKindLosesAllOfThatKind()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets);

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));

        Assert.Equal((0, 0, 2), Counts(result, "assetmeter"));
        Assert.Equal(0, _replica.Count("assetmeter", "asset_id = 1"));
        Assert.Equal(1, _replica.Count("assetmeter", "asset_id = 2"));
    }

    [Fact]
    public void AnAttributeThatHasNoColumnSurvivesInRawAndReadsBackWithJsonExtract()
    {
        var result = Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"), extra: ", \"kd_newfield\": {\"depth\": 3.5}")));

        Assert.Equal(3.5, _replica.Scalar("SELECT json_extract(raw, '$.kd_newfield.depth') FROM asset WHERE assetuid = 1"));
        Assert.Equal("HIGH", _replica.Scalar("SELECT json_extract(raw, '$.ex_criticality') FROM asset WHERE assetuid = 1"));
        Assert.Contains("kd_newfield", result.UntypedAttributes["asset"]);
        Assert.Contains("ex_criticality", result.UntypedAttributes["asset"]);
        Assert.DoesNotContain("assetnum", result.UntypedAttributes["asset"]);
        Assert.DoesNotContain("href", result.UntypedAttributes["asset"]);
    }

    [Fact]
    public void RawKeepsTheWholeObjectButItsChildArrays()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"))));

        using var raw = JsonDocument.Parse((string)_replica.Scalar("SELECT raw FROM asset WHERE assetuid = 1")!);

        Assert.False(raw.RootElement.TryGetProperty("assetmeter", out _));
        Assert.Equal(JsonValueKind.Null, raw.RootElement.GetProperty("plusclaststatus").ValueKind);
        Assert.Equal("Operating", raw.RootElement.GetProperty("status_description").GetString());
        Assert.Equal("10", raw.RootElement.GetProperty("_rowstamp").GetString());
    }

    [Fact]
    public void TypedColumnsHoldConvertedValuesDatesInUtcAndStringFlagsAsNumbers()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"))));

        Assert.Equal("2024-03-01 15:00:00", _replica.Scalar("SELECT changedate FROM asset"));
        Assert.Equal("2019-07-15 12:30:00", _replica.Scalar("SELECT installdate FROM asset"));
        Assert.Equal(0L, _replica.Scalar("SELECT disabled FROM asset"));
        Assert.Equal(1L, _replica.Scalar("SELECT isrunning FROM asset"));
        Assert.Equal(12500.5, _replica.Scalar("SELECT purchaseprice FROM asset"));
        Assert.Equal(10L, _replica.Scalar("SELECT rowstamp FROM asset"));
        Assert.Equal(7L, _replica.Scalar("SELECT sync_run_id FROM asset"));
        Assert.Equal("2024-02-28 22:15:00", _replica.Scalar("SELECT lastreadingdate FROM assetmeter"));
    }

    [Fact]
    public void AValueThatDoesNotFitItsColumnIsNullThereAndKeptInRaw()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100").Replace("\"priority\": 2", "\"priority\": \"urgent\"", StringComparison.Ordinal)));

        Assert.Equal(DBNull.Value, _replica.Scalar("SELECT priority FROM asset"));
        Assert.Equal("urgent", _replica.Scalar("SELECT json_extract(raw, '$.priority') FROM asset"));
    }

    [Fact]
    public void ARecordWithoutItsUniqueIdIsRejectedAndTheWholePageRollsBack()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets);
        var assetsBefore = _replica.Rows("asset");
        var metersBefore = _replica.Rows("assetmeter");
        var broken = Samples.Asset(0, "P-999").Replace("\"assetuid\": 0,", "", StringComparison.Ordinal);

        var error = Assert.Throws<ReplicaWriteException>(() => Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", meters: Samples.Meter(13, "NEW")),
            Samples.Asset(4, "P-400", meters: Samples.Meter(41, "RUNHOURS")),
            broken)));

        Assert.Contains("'assetuid'", error.Message, StringComparison.Ordinal);
        Assert.Contains("P-999", error.Message, StringComparison.Ordinal);
        Assert.Contains("not written", error.Message, StringComparison.Ordinal);
        Assert.Equal(assetsBefore, _replica.Rows("asset"));
        Assert.Equal(metersBefore, _replica.Rows("assetmeter"));
    }

    [Fact]
    public void AChildWithoutItsUniqueIdIsRejectedToo()
    {
        var error = Assert.Throws<ReplicaWriteException>(() => Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", meters: "{\"metername\": \"RUNHOURS\"}"))));

        Assert.Contains("'assetmeterid'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _replica.Count("asset"));
    }

    [Fact]
    public void WorkDoneInTheSameTransactionRollsBackWithThePage()
    {
        Assert.Throws<InvalidOperationException>(() => Write(ReplicaCatalog.Asset, ThreeAssets,
            (_, _) => throw new InvalidOperationException("progress could not be saved")));

        Assert.Equal(0, _replica.Count("asset"));
        Assert.Equal(0, _replica.Count("assetmeter"));
    }

    [Fact]
    public void WorkDoneInTheSameTransactionCommitsWithThePage()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets, (transaction, _) =>
        {
            using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO sync_state (endpoint, site, cursor) VALUES ('assets', 'KDFAC', '2024-03-01 15:00:00')";
            command.ExecuteNonQuery();
        });

        Assert.Equal("2024-03-01 15:00:00", _replica.Scalar("SELECT cursor FROM sync_state"));
        Assert.Equal(3, _replica.Count("asset"));
    }

    [Fact]
    public void ARecordRecreatedInMaximoUnderTheSameNaturalKeySupersedesTheOldRow()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"))));

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(9, "P-100")));

        Assert.Equal((1, 0, 1), Counts(result, "asset"));
        Assert.Equal(1, _replica.Count("asset", "assetnum = 'P-100' AND deleted_at IS NULL"));
        Assert.Equal(9L, _replica.Scalar("SELECT assetuid FROM asset WHERE deleted_at IS NULL"));
        Assert.NotNull(_replica.Scalar("SELECT deleted_at FROM asset WHERE assetuid = 1"));
    }

    [Fact]
    public void ASoftDeletedRowThatMaximoSendsAgainComesBackToLife()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));
        _replica.Scalar("UPDATE asset SET deleted_at = '2024-01-01 00:00:00'");

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));

        Assert.Equal((0, 1, 0), Counts(result, "asset"));
        Assert.Equal(DBNull.Value, _replica.Scalar("SELECT deleted_at FROM asset"));
    }

    [Fact]
    public void ChildrenWithoutAUniqueIdAreKeyedByTheirParentAndPosition()
    {
        const string breakdown = """{ "code": "BRKDWN", "downtime": 1.5, "localref": "http://host/x/downtimereport/0" }""";
        const string planned = """{ "code": "PM", "downtime": 0.5, "localref": "http://host/x/downtimereport/1" }""";
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", children: $", \"downtimereport\": [{breakdown}, {planned}]")));

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", children: $", \"downtimereport\": [{breakdown}]")));

        Assert.Equal((0, 1, 1), Counts(result, "downtimereport"));
        Assert.Equal("1/0", _replica.Scalar("SELECT rowkey FROM downtimereport"));
        Assert.Equal("BRKDWN", _replica.Scalar("SELECT code FROM downtimereport"));
    }

    [Fact]
    public void DoclinksAreReadFromTheirMemberListWithTheDescribedByAttributes()
    {
        const string doclinks = """
            , "doclinks": { "href": "http://host/maximo/api/os/mxapiasset/_X/doclinks",
                "member": [ { "href": "http://host/maximo/api/os/mxapiasset/_X/doclinks/55",
                  "describedBy": { "identifier": "55", "docinfoid": 900, "docType": "Attachments", "title": "Pump manual",
                    "fileName": "pump.pdf", "ownertable": "ASSET", "ownerid": 1, "created": "2023-04-15T02:51:39+00:00",
                    "format": { "label": "application/pdf" } } } ] }
            """;

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", children: doclinks)));

        Assert.Equal((1, 0, 0), Counts(result, "doclinks"));
        Assert.Equal(55L, _replica.Scalar("SELECT doclinksid FROM doclinks WHERE asset_id = 1"));
        Assert.Equal("Pump manual", _replica.Scalar("SELECT document FROM doclinks"));
        Assert.Equal(900L, _replica.Scalar("SELECT docinfoid FROM doclinks"));
        Assert.Equal("2023-04-15 02:51:39", _replica.Scalar("SELECT createdate FROM doclinks"));
        Assert.Equal("application/pdf", _replica.Scalar("SELECT json_extract(raw, '$.describedBy.format.label') FROM doclinks"));
    }

    [Fact]
    public void AnObjectListedUnderTwoObjectStructuresIsStoredOnceAndSurvivesOneParentDroppingIt()
    {
        const string failure = """, "failurereport": [ { "failurereportid": 500, "failurecode": "PUMPS", "wonum": "WO-1", "assetnum": "P-100" } ]""";
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", children: failure)));
        Write(ReplicaCatalog.WorkOrder, $$"""[{ "workorderid": 70, "wonum": "WO-1", "siteid": "KDFAC", "status": "WAPPR" {{failure}} }]""");

        Assert.Equal(1, _replica.Count("failurereport", "asset_id = 1 AND workorder_id = 70"));

        var dropped = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));

        Assert.Equal(0, dropped.For("failurereport").Deleted);
        Assert.Equal(1, _replica.Count("failurereport", "asset_id IS NULL AND workorder_id = 70"));

        var droppedByBoth = Write(ReplicaCatalog.WorkOrder, """[{ "workorderid": 70, "wonum": "WO-1", "siteid": "KDFAC" }]""");

        Assert.Equal(1, droppedByBoth.For("failurereport").Deleted);
        Assert.Equal(0, _replica.Count("failurereport"));
    }

    [Fact]
    public void NestedChildrenAreReplacedLevelByLevelAndSharedGroupsAreStoredOnce()
    {
        static string Person(long uid, string groups) => $$"""
            { "personuid": {{uid}}, "personid": "P{{uid}}", "displayname": "Person {{uid}}", "status": "ACTIVE",
              "maxuser": [ { "maxuserid": {{uid * 10}}, "userid": "U{{uid}}", "status": "ACTIVE", "sysuser": "0",
                "groupuser": [ {{groups}} ] } ] }
            """;
        static string Membership(long id, long groupId, string group) => $$"""
            { "groupuserid": {{id}}, "groupname": "{{group}}", "maxgroup": [ { "maxgroupid": {{groupId}}, "groupname": "{{group}}", "description": "{{group}} group" } ] }
            """;

        var first = Write(ReplicaCatalog.Person, Samples.Page(
            Person(1, Membership(100, 1, "PLANNERS") + "," + Membership(101, 2, "TECHS")),
            Person(2, Membership(200, 1, "PLANNERS"))));

        Assert.Equal((3, 0, 0), Counts(first, "groupuser"));
        Assert.Equal((2, 0, 0), Counts(first, "maxgroup"));
        Assert.Equal(2, _replica.Count("maxgroup"));

        var second = Write(ReplicaCatalog.Person, Samples.Page(Person(1, Membership(100, 1, "PLANNERS"))));

        Assert.Equal((0, 1, 1), Counts(second, "groupuser"));
        Assert.Equal([100L, 200L], Ids("SELECT groupuserid FROM groupuser ORDER BY 1"));
        Assert.Equal(2, _replica.Count("maxgroup"));
    }

    [Fact]
    public void RecordsListingTheirAttributesInDifferentOrdersAreEachReadRight()
    {
        var result = Write(ReplicaCatalog.Asset, """
            [ { "assetuid": 1, "assetnum": "A1", "siteid": "KDFAC", "status": "OPERATING", "ex_one": 1 },
              { "status": "BROKEN", "siteid": "BEDFORD", "assetnum": "A2", "assetuid": 2, "ex_two": 2 },
              { "assetuid": 3, "assetnum": "A3", "ex_one": 3, "siteid": "KDFAC" } ]
            """);

        var rows = Enumerable.Range(1, 3)
            .Select(id => _replica.Scalar($"SELECT assetnum || '|' || siteid || '|' || COALESCE(status, '') FROM asset WHERE assetuid = {id}"));
        Assert.Equal(["A1|KDFAC|OPERATING", "A2|BEDFORD|BROKEN", "A3|KDFAC|"], rows);
        Assert.Equal(["ex_one", "ex_two"], result.UntypedAttributes["asset"].Order());
    }

    [Fact]
    public void AChildListThatIsNotAnArrayIsRejectedWithoutWritingThePage()
    {
        var error = Assert.Throws<ReplicaWriteException>(() => Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", children: ", \"assetmeter\": \"oops\""))));

        Assert.Contains("assetmeter", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _replica.Count("asset"));
    }

    private static (long, long, long) Counts(PageWriteResult result, string table)
    {
        var counts = result.For(table);
        return (counts.Inserted, counts.Updated, counts.Deleted);
    }

    private List<long> Ids(string sql)
    {
        using var connection = _replica.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
