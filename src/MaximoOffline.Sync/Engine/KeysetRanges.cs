using MaximoOffline.Sync.Endpoints;

namespace MaximoOffline.Sync.Engine;

/// <summary>One keyset range, <c>From &lt;= uid &lt; Before</c>, and the records it was expected to hold.</summary>
internal readonly record struct KeysetRange(long From, long Before, double Expected);

/// <summary>
/// Cuts a collection into ranges of its unique id, read in parallel, handing each out when a reader
/// is free. Each range is paged with <c>uid &gt; last</c> in ascending order: a record that exists
/// before and after the sync keeps its unique id, so inserts and deletes during the sync can never
/// shift it out of the pages (offset paging can). The ranges end at the highest id in scope when the
/// run began: a record added since has changed after the cursor was taken, so the next run reads it.
/// The ranges always cover every id from the first to the highest: how they are cut decides only how
/// many requests the read takes, never which records it reads.
/// </summary>
/// <remarks>
/// A range is cut to hold a share of a page: one that holds more than a page costs a second, short
/// request. Ids have gaps (other sites' records, deleted ones), so what a range holds varies; the
/// share starts cautious and follows what the ranges read so far actually held against what they were
/// expected to hold. Ranges are cut late, so each uses the best estimate: Maximo's count less the
/// records read, over the ids not yet handed out. What is left when it fits one page is one range.
/// </remarks>
internal sealed class KeysetRanges
{
    /// <summary>The share of a page a range is cut to hold before anything has been read.</summary>
    private const double FirstShare = 0.85;

    /// <summary>The highest share: what a range holds still varies a little where ids are regular.</summary>
    private const double MostShare = 0.99;

    /// <summary>
    /// Ranges per worker at least: in a large collection a range spans many pages (a worker that finishes
    /// a thin range takes the next instead of idling while another reads a thick one), and at most
    /// <see cref="MaxRanges"/> ranges are cut, since each may end with a short request.
    /// </summary>
    private const long RangesPerWorker = 4;

    private const int MaxRanges = 256;

    private readonly Lock _gate = new();
    private readonly long _max;
    private readonly int _pageSize;
    private readonly long _leastIds;
    private long _next;
    private double _left;
    private double _share = FirstShare;
    private double _mostFill;

    /// <param name="from">The lowest id not read yet.</param>
    /// <param name="max">The highest id in scope.</param>
    /// <param name="records">Records in scope not read yet (Maximo's count, less what was read).</param>
    public KeysetRanges(long from, long max, long records, int pageSize, int workers)
    {
        _next = from;
        _max = max;
        _left = Math.Max(0, records);
        _pageSize = Math.Max(1, pageSize);
        var span = Math.Max(1, max - from + 1);
        _leastIds = Math.Max(1, span / Math.Min(Math.Max(1, workers) * RangesPerWorker, MaxRanges));
        Workers = (int)Math.Clamp((_left + _pageSize - 1) / _pageSize, 1, Math.Max(1, workers));
    }

    /// <summary>How many readers are worth starting: no more than the pages the records fill.</summary>
    public int Workers { get; }

    /// <summary>The ranges for a read whose <paramref name="first"/> page holds the lowest ids; none when nothing lies above it.</summary>
    public static KeysetRanges After(FirstPage first, EndpointDefinition endpoint, long max, long total, int pageSize, int workers)
    {
        var start = RangeReader.UniqueId(first.Page, 0, endpoint);
        var last = RangeReader.UniqueId(first.Page, first.Page.Count - 1, endpoint);
        if (!first.Full || last >= max)
        {
            return new KeysetRanges(max + 1, max, 0, pageSize, workers);
        }

        // The first page is the first range read: how its records spread over its ids, against the
        // collection's average, says how evenly ids are spread before any other range is cut.
        var ranges = new KeysetRanges(last + 1, max, total - first.Page.Count, pageSize, workers);
        var expected = (double)total * (last - start + 1) / (max - start + 1);
        var fill = first.Page.Count / Math.Max(1, expected);
        ranges.Learn(Math.Max(fill, 1 / fill));
        return ranges;
    }

    /// <summary>The next range to read, or false when every id up to the highest is handed out.</summary>
    public bool TryNext(out KeysetRange range)
    {
        lock (_gate)
        {
            if (_next > _max)
            {
                range = default;
                return false;
            }

            var span = _max - _next + 1;
            var density = _left / span;
            long ids;
            if (_left <= _pageSize || density <= 0)
            {
                ids = span; // what is left fits one page (or the count says nothing is left: one request makes sure)
            }
            else if (density >= 1)
            {
                ids = _pageSize; // every id a record: a page of ids is read to its end by one page
            }
            else
            {
                ids = Math.Max(_leastIds, (long)(_share * _pageSize / density));
            }

            ids = Math.Clamp(ids, 1, span);
            var expected = _left * ids / span;
            range = new KeysetRange(_next, _next + ids, expected);
            _next += ids;
            _left -= expected;
            return true;
        }
    }

    /// <summary>
    /// Learns from a range read to its end: the records it held beyond or short of what was expected
    /// belong to the estimate of the rest, and how far ranges overfill sets the share of the next ones.
    /// </summary>
    public void Done(KeysetRange range, long records)
    {
        lock (_gate)
        {
            _left = Math.Max(0, _left + range.Expected - records);
            if (range.Expected >= _pageSize / 2.0 && range.Expected <= _pageSize)
            {
                Learn(records / range.Expected);
            }
        }
    }

    /// <summary>
    /// A range held <paramref name="fill"/> times the records expected: the next ones are cut to hold a page
    /// even if they overfill as much. Under the lock, or before the ranges are handed out.
    /// </summary>
    private void Learn(double fill)
    {
        _mostFill = Math.Max(_mostFill, fill);
        _share = Math.Clamp(MostShare / _mostFill, 0.25, MostShare);
    }
}
