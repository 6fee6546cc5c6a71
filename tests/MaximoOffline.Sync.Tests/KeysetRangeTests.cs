using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Sync.Tests;

/// <summary>How a read is cut into keyset ranges: always every id, in as few requests as the ids allow.</summary>
public sealed class KeysetRangeTests
{
    private static List<KeysetRange> HandOut(KeysetRanges ranges, Func<KeysetRange, long> held)
    {
        var handed = new List<KeysetRange>();
        while (ranges.TryNext(out var range))
        {
            handed.Add(range);
            ranges.Done(range, held(range));
        }

        return handed;
    }

    [Theory]
    [InlineData(1, 10_000, 2_000, 500, 4)]
    [InlineData(1_000, 1_000, 1, 500, 4)]
    [InlineData(5, 9_000_000, 40_000, 100, 8)]
    [InlineData(1, 300, 300, 100, 2)]
    public void TheRangesCoverEveryIdOnceWhateverTheyTurnOutToHold(long from, long max, long records, int pageSize, int workers)
    {
        var random = new Random(12345);
        // What a range holds may be anything: nothing, or far more than expected (a site's records in a clump).
        var handed = HandOut(new KeysetRanges(from, max, records, pageSize, workers), r => random.Next(0, 3) * (long)Math.Ceiling(r.Expected) + random.Next(0, 50));

        Assert.Equal(from, handed[0].From);
        Assert.Equal(max + 1, handed[^1].Before);
        for (var i = 1; i < handed.Count; i++)
        {
            Assert.Equal(handed[i - 1].Before, handed[i].From);
        }

        Assert.All(handed, r => Assert.True(r.Before > r.From));
    }

    [Fact]
    public void WhatFitsOnePageIsOneRangeReadByOneReader()
    {
        var ranges = new KeysetRanges(100, 5_000, 449, 500, 4);

        Assert.Equal(1, ranges.Workers);
        Assert.Single(HandOut(ranges, r => (long)r.Expected));
    }

    [Fact]
    public void WhereEveryIdIsARecordARangeIsExactlyAPageOfIds()
    {
        var handed = HandOut(new KeysetRanges(1, 2_000, 2_000, 500, 4), r => r.Before - r.From);

        Assert.Equal([(1L, 501L), (501L, 1_001L), (1_001L, 1_501L), (1_501L, 2_001L)], handed.Select(r => (r.From, r.Before)));
    }

    [Fact]
    public void WhereIdsAreRegularRangesComeCloseToFullPages()
    {
        // Every third id is in scope: 5,430 records, 11 pages of 500 at best.
        const long records = 5_430;
        var handed = HandOut(new KeysetRanges(1, records * 3, records, 500, 4), r => (r.Before - r.From + 2) / 3);

        // A cautious first cut (85 % of a page) would take 13; ranges that hold what they were expected to
        // let the next ones be cut fuller.
        Assert.InRange(handed.Count, 11, 12);
        Assert.Equal(records, handed.Sum(r => (r.Before - r.From + 2) / 3));
    }

    [Fact]
    public void WhereRangesOverfillTheNextAreCutSmaller()
    {
        var ranges = new KeysetRanges(1, 100_000, 5_000, 500, 4);
        Assert.True(ranges.TryNext(out var first));
        ranges.Done(first, (long)(first.Expected * 2));

        Assert.True(ranges.TryNext(out var second));
        Assert.True(second.Expected < first.Expected * 0.75, $"{first} then {second}");
    }
}
