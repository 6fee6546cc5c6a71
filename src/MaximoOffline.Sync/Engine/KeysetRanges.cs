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

    public static List<(long From, long? Before)> Split(long min, long max, long total, int pageSize, int workers)
    {
        var pages = (total + pageSize - 1) / pageSize;
        var count = (int)Math.Clamp(Math.Min(pages, workers * RangesPerWorker), 1, MaxRanges);
        var span = max - min + 1;
        if (count == 1 || span < count)
        {
            return [(min, max + 1)];
        }

        var ranges = new List<(long, long?)>(count);
        var step = span / count;
        for (var i = 0; i < count; i++)
        {
            var from = min + i * step;
            ranges.Add((from, i == count - 1 ? max + 1 : from + step));
        }

        return ranges;
    }
}
