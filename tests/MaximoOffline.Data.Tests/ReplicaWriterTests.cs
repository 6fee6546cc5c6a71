using System.Text.Json;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Tests;

/// <summary>The writer on one table: upserts, child replacement, raw, typed values, rollback, superseded rows.</summary>
public sealed class ReplicaWriterTests : WriterTests
{
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
        Assert.Equal(3, Replica.Count("asset"));
        Assert.Equal(2, Replica.Count("assetmeter", "asset_id = 1"));
    }

    [Fact]
    public void UpsertingTheSamePageTwiceLeavesIdenticalRowsAndCountsTheSecondPassAsUpdates()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets);
        // When a row was synced is the write's own time: the two writes may fall in different seconds.
        var assetsBefore = Replica.Rows("asset", "synced_at");
        var metersBefore = Replica.Rows("assetmeter", "synced_at");

        var second = Write(ReplicaCatalog.Asset, ThreeAssets);

        Assert.Equal((0, 3, 0), Counts(second, "asset"));
        Assert.Equal((0, 3, 0), Counts(second, "assetmeter"));
        Assert.Equal(assetsBefore, Replica.Rows("asset", "synced_at"));
        Assert.Equal(metersBefore, Replica.Rows("assetmeter", "synced_at"));
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
        Assert.Equal("88", Replica.Scalar("SELECT lastreading FROM assetmeter WHERE assetmeterid = 12"));
    }

    [Fact]
    public void AParentThatNoLongerListsAChildKindLosesAllOfThatKind()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets);

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));

        Assert.Equal((0, 0, 2), Counts(result, "assetmeter"));
        Assert.Equal(0, Replica.Count("assetmeter", "asset_id = 1"));
        Assert.Equal(1, Replica.Count("assetmeter", "asset_id = 2"));
    }

    [Fact]
    public void AnAttributeThatHasNoColumnSurvivesInRawAndReadsBackWithJsonExtract()
    {
        var result = Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"), extra: ", \"kd_newfield\": {\"depth\": 3.5}")));

        Assert.Equal(3.5, Replica.Scalar("SELECT json_extract(raw, '$.kd_newfield.depth') FROM asset WHERE assetuid = 1"));
        Assert.Equal("HIGH", Replica.Scalar("SELECT json_extract(raw, '$.ex_criticality') FROM asset WHERE assetuid = 1"));
        Assert.Contains("kd_newfield", result.UntypedAttributes["asset"]);
        Assert.Contains("ex_criticality", result.UntypedAttributes["asset"]);
        Assert.DoesNotContain("assetnum", result.UntypedAttributes["asset"]);
        Assert.DoesNotContain("href", result.UntypedAttributes["asset"]);
    }

    [Fact]
    public void RawKeepsTheWholeObjectButItsChildArrays()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"))));

        using var raw = JsonDocument.Parse((string)Replica.Scalar("SELECT raw FROM asset WHERE assetuid = 1")!);

        Assert.False(raw.RootElement.TryGetProperty("assetmeter", out _));
        Assert.Equal(JsonValueKind.Null, raw.RootElement.GetProperty("plusclaststatus").ValueKind);
        Assert.Equal("Operating", raw.RootElement.GetProperty("status_description").GetString());
        Assert.Equal("10", raw.RootElement.GetProperty("_rowstamp").GetString());
    }

    [Fact]
    public void TypedColumnsHoldConvertedValuesDatesInUtcAndStringFlagsAsNumbers()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"))));

        Assert.Equal("2024-03-01 15:00:00", Replica.Scalar("SELECT changedate FROM asset"));
        Assert.Equal("2019-07-15 12:30:00", Replica.Scalar("SELECT installdate FROM asset"));
        Assert.Equal(0L, Replica.Scalar("SELECT disabled FROM asset"));
        Assert.Equal(1L, Replica.Scalar("SELECT isrunning FROM asset"));
        Assert.Equal(12500.5, Replica.Scalar("SELECT purchaseprice FROM asset"));
        Assert.Equal(10L, Replica.Scalar("SELECT rowstamp FROM asset"));
        Assert.Equal(7L, Replica.Scalar("SELECT sync_run_id FROM asset"));
        Assert.Equal("2024-02-28 22:15:00", Replica.Scalar("SELECT lastreadingdate FROM assetmeter"));
    }

    [Fact]
    public void AValueThatDoesNotFitItsColumnIsNullThereAndKeptInRaw()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100").Replace("\"priority\": 2", "\"priority\": \"urgent\"", StringComparison.Ordinal)));

        Assert.Equal(DBNull.Value, Replica.Scalar("SELECT priority FROM asset"));
        Assert.Equal("urgent", Replica.Scalar("SELECT json_extract(raw, '$.priority') FROM asset"));
    }

    [Fact]
    public void ARecordWithoutItsUniqueIdIsRejectedAndTheWholePageRollsBack()
    {
        Write(ReplicaCatalog.Asset, ThreeAssets);
        var assetsBefore = Replica.Rows("asset");
        var metersBefore = Replica.Rows("assetmeter");
        var broken = Samples.Asset(0, "P-999").Replace("\"assetuid\": 0,", "", StringComparison.Ordinal);

        var error = Assert.Throws<ReplicaWriteException>(() => Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", meters: Samples.Meter(13, "NEW")),
            Samples.Asset(4, "P-400", meters: Samples.Meter(41, "RUNHOURS")),
            broken)));

        Assert.Contains("'assetuid'", error.Message, StringComparison.Ordinal);
        Assert.Contains("P-999", error.Message, StringComparison.Ordinal);
        Assert.Contains("not written", error.Message, StringComparison.Ordinal);
        Assert.Equal(assetsBefore, Replica.Rows("asset"));
        Assert.Equal(metersBefore, Replica.Rows("assetmeter"));
    }

    [Fact]
    public void AChildWithoutItsUniqueIdIsRejectedToo()
    {
        var error = Assert.Throws<ReplicaWriteException>(() => Write(ReplicaCatalog.Asset, Samples.Page(
            Samples.Asset(1, "P-100", meters: "{\"metername\": \"RUNHOURS\"}"))));

        Assert.Contains("'assetmeterid'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Replica.Count("asset"));
    }

    [Fact]
    public void WorkDoneInTheSameTransactionRollsBackWithThePage()
    {
        Assert.Throws<InvalidOperationException>(() => Write(ReplicaCatalog.Asset, ThreeAssets,
            (_, _) => throw new InvalidOperationException("progress could not be saved")));

        Assert.Equal(0, Replica.Count("asset"));
        Assert.Equal(0, Replica.Count("assetmeter"));
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

        Assert.Equal("2024-03-01 15:00:00", Replica.Scalar("SELECT cursor FROM sync_state"));
        Assert.Equal(3, Replica.Count("asset"));
    }

    [Fact]
    public void ARecordRecreatedInMaximoUnderTheSameNaturalKeySupersedesTheOldRow()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100", meters: Samples.Meter(11, "RUNHOURS"))));

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(9, "P-100")));

        Assert.Equal((1, 0, 1), Counts(result, "asset"));
        Assert.Equal(1, Replica.Count("asset", "assetnum = 'P-100' AND deleted_at IS NULL"));
        Assert.Equal(9L, Replica.Scalar("SELECT assetuid FROM asset WHERE deleted_at IS NULL"));
        Assert.NotNull(Replica.Scalar("SELECT deleted_at FROM asset WHERE assetuid = 1"));
    }

    [Fact]
    public void ASoftDeletedRowThatMaximoSendsAgainComesBackToLife()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));
        Replica.Scalar("UPDATE asset SET deleted_at = '2024-01-01 00:00:00'");

        var result = Write(ReplicaCatalog.Asset, Samples.Page(Samples.Asset(1, "P-100")));

        Assert.Equal((0, 1, 0), Counts(result, "asset"));
        Assert.Equal(DBNull.Value, Replica.Scalar("SELECT deleted_at FROM asset"));
    }
}
