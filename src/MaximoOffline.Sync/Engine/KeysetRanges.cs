namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Splits a collection into ranges of its unique id, read in parallel. Each range is paged with
/// <c>uid &gt; last</c> in ascending order: a record that exists before and after the sync keeps its
/// unique id, so inserts and deletes during the sync can never shift it out of the pages (offset
/// paging can). The ranges end at the highest id in scope when the run began: a record added since
/// has changed after the cursor was taken, so the next run reads it. A range whose page reaches its
/// last possible id is known to be read without asking for another page.
/// </summary>
internal static class KeysetRanges
{
    /// <summary>
    /// Ranges per worker. Unique ids are rarely spread evenly (a site's records cluster, deleted ones
    /// leave holes), so a range can hold many more records than another; with several ranges each, a
    /// worker that finishes a thin range takes the next one instead of idling while another reads a thick one.
    /// </summary>
    private const long RangesPerWorker = 4;

    /// <summary>
    /// At most this many ranges: each costs a request that may come back short (the range's last page),
    /// so past this the extra requests cost more than the better balance gains.
    /// </summary>
    private const int MaxRanges = 256;

    /// <summary>
    /// Where ids have gaps (other sites' records, deleted ones) a range of a page's worth of ids holds a
    /// varying number of records, and one that holds more than a page needs a second request. Ranges are
    /// then cut to hold this share of a page on average, so that most end with their first, short page.
    /// </summary>
    private const double SparsePageShare = 0.85;

    /// <summary>
    /// Ranges of ids from <paramref name="min"/> to <paramref name="max"/> holding about a page of the
    /// <paramref name="total"/> records each (several per worker, at most <see cref="MaxRanges"/>). Where
    /// the ids are dense, a range is exactly a page of ids, which its first page reads to the end.
    /// </summary>
    public static List<(long From, long? Before)> Split(long min, long max, long total, int pageSize, int workers)
    {
        var span = max - min + 1;
        if (total <= 0 || span <= 0)
        {
            return [(min, max + 1)];
        }

        var dense = total >= span;
        var idsPerRange = dense ? pageSize : Math.Max(1L, (long)(SparsePageShare * pageSize * span / total));
        var count = (int)Math.Clamp((span + idsPerRange - 1) / idsPerRange, 1, Math.Min(workers * RangesPerWorker, MaxRanges));
        if (count == 1)
        {
            return [(min, max + 1)];
        }

        var step = (span + count - 1) / count;
        var ranges = new List<(long, long?)>(count);
        for (var from = min; from <= max; from += step)
        {
            ranges.Add((from, Math.Min(from + step, max + 1)));
        }

        return ranges;
    }
}
