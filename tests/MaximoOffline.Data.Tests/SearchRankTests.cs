using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;

namespace MaximoOffline.Data.Tests;

/// <summary>Search ranks what it found as a person expects: the record's number first, whole words before prefixes, short values before long ones.</summary>
public sealed class SearchRankTests : WriterTests
{
    private static string Asset(long uid, string number, string description) =>
        Samples.Asset(uid, number).Replace($"Centrifugal pump {number}", description, StringComparison.Ordinal);

    [Fact]
    public void TheNumberWeighsMostThenWholeWordsThenShortDescriptions()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(
            Asset(1, "PUMP-7", "Spare part"),
            Asset(2, "X-1", "Pump"),
            Asset(3, "X-2", "Pumping station feed line"),
            Asset(4, "X-3", "Pump housing seal kit"),
            Asset(5, "X-4", "Exhaust fan")));

        var group = Assert.Single(new WorkspaceSearch(Replica.Database).Search("pump", "assets", 10).Groups);

        Assert.Equal([1L, 2L, 4L, 3L], group.Hits.Select(h => h.Id));
        Assert.Equal(4, group.Count);
        Assert.True(group.Hits.Zip(group.Hits.Skip(1)).All(p => p.First.Score > p.Second.Score));
    }

    [Fact]
    public void EqualRanksGoNewestFirstAndTheLimitKeepsTheBest()
    {
        Write(ReplicaCatalog.Asset, Samples.Page(
            Asset(10, "A-10", "Feed pump"),
            Asset(11, "A-11", "Feed pump"),
            Asset(12, "PUMP-12", "Spare"),
            Asset(13, "A-13", "Feed pump")));

        var group = Assert.Single(new WorkspaceSearch(Replica.Database).Search("pump", "assets", 2).Groups);

        Assert.Equal([12L, 13L], group.Hits.Select(h => h.Id));
        Assert.Equal(4, group.Count);
    }

    [Fact]
    public void ARecordNamedByItsNumberIsFoundBehindMoreNewerMatchesThanTheWindow()
    {
        var newer = Enumerable.Range(0, WorkspaceSearch.Window + 10).Select(i => Asset(100 + i, $"B-{i}", $"Spare for gearbox 7 line {i}"));
        Write(ReplicaCatalog.Asset, Samples.Page([Asset(1, "GEARBOX-7", "Spare"), .. newer]));

        var group = Assert.Single(new WorkspaceSearch(Replica.Database).Search("gearbox 7", "assets", 5).Groups);

        Assert.Equal(1L, group.Hits[0].Id);
        Assert.False(group.CountIsExact);
        Assert.Equal(WorkspaceSearch.Window, group.Count);
    }

    [Theory]
    [InlineData("pump", "Pump", 1.0)]
    [InlineData("pump", "PUMP-12", 0.75)]
    [InlineData("pump", "Pumping", 0.5)]
    [InlineData("pump 12", "Pump 1204", 1.5 * 0.75)]
    [InlineData("pump", "Exhaust fan", 0)]
    [InlineData("pump", null, 0)]
    [InlineData("vélo", "Vélo électrique", 1.0 * 0.75)]
    public void AValueWeighsByItsWordsThatMatch(string q, string? value, double weight) =>
        Assert.Equal(weight, SearchText.Parse(q).Weigh(value), 6);
}
