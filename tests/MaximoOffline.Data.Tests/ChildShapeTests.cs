using System.Text.Json;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;

namespace MaximoOffline.Data.Tests;

/// <summary>The writer on the shapes Maximo's children come in: positional, doclinks, shared between object structures, nested.</summary>
public sealed class ChildShapeTests : WriterTests
{
    [Fact]
    public void ChildrenWithoutAUniqueIdAreKeyedByTheirParentAndPosition()
    {
        const string breakdown = """{ "code": "BRKDWN", "downtime": 1.5, "localref": "http://host/x/downtimereport/0" }""";
        const string planned = """{ "code": "PM", "downtime": 0.5, "localref": "http://host/x/downtimereport/1" }""";
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", children: $", \"downtimereport\": [{breakdown}, {planned}]")));

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", children: $", \"downtimereport\": [{breakdown}]")));

        Assert.Equal((0, 1, 1), Counts(result, "downtimereport"));
        Assert.Equal("1/0", Replica.Scalar("SELECT rowkey FROM downtimereport"));
        Assert.Equal("BRKDWN", Replica.Scalar("SELECT code FROM downtimereport"));
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
        Assert.Equal(55L, Replica.Scalar("SELECT doclinksid FROM doclinks WHERE asset_id = 1"));
        Assert.Equal("Pump manual", Replica.Scalar("SELECT document FROM doclinks"));
        Assert.Equal(900L, Replica.Scalar("SELECT docinfoid FROM doclinks"));
        Assert.Equal("2023-04-15 02:51:39", Replica.Scalar("SELECT createdate FROM doclinks"));
        Assert.Equal("application/pdf", Replica.Scalar("SELECT json_extract(raw, '$.describedBy.format.label') FROM doclinks"));
    }

    [Fact]
    public void AnObjectListedUnderTwoObjectStructuresIsStoredOnceAndSurvivesOneParentDroppingIt()
    {
        const string failure = """, "failurereport": [ { "failurereportid": 500, "failurecode": "PUMPS", "wonum": "WO-1", "assetnum": "P-100" } ]""";
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", children: failure)));
        Write(ReplicaCatalog.WorkOrder, $$"""[{ "workorderid": 70, "wonum": "WO-1", "siteid": "KDFAC", "status": "WAPPR" {{failure}} }]""");

        Assert.Equal(1, Replica.Count("failurereport", "asset_id = 1 AND workorder_id = 70"));

        var dropped = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));

        Assert.Equal(0, dropped.For("failurereport").Deleted);
        Assert.Equal(1, Replica.Count("failurereport", "asset_id IS NULL AND workorder_id = 70"));

        var droppedByBoth = Write(ReplicaCatalog.WorkOrder, """[{ "workorderid": 70, "wonum": "WO-1", "siteid": "KDFAC" }]""");

        Assert.Equal(1, droppedByBoth.For("failurereport").Deleted);
        Assert.Equal(0, Replica.Count("failurereport"));
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
        Assert.Equal(2, Replica.Count("maxgroup"));

        var second = Write(ReplicaCatalog.Person, Samples.Page(Person(1, Membership(100, 1, "PLANNERS"))));

        Assert.Equal((0, 1, 1), Counts(second, "groupuser"));
        Assert.Equal([100L, 200L], Ids("SELECT groupuserid FROM groupuser ORDER BY 1"));
        Assert.Equal(2, Replica.Count("maxgroup"));
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
            .Select(id => Replica.Scalar($"SELECT assetnum || '|' || siteid || '|' || COALESCE(status, '') FROM asset WHERE assetuid = {id}"));
        Assert.Equal(["A1|KDFAC|OPERATING", "A2|BEDFORD|BROKEN", "A3|KDFAC|"], rows);
        Assert.Equal(["ex_one", "ex_two"], result.UntypedAttributes["asset"].Order());
    }

    [Fact]
    public void AChildListThatIsNotAnArrayIsRejectedWithoutWritingThePage()
    {
        var error = Assert.Throws<ReplicaWriteException>(() => Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", children: ", \"assetmeter\": \"oops\""))));

        Assert.Contains("assetmeter", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Replica.Count("asset"));
    }
}
