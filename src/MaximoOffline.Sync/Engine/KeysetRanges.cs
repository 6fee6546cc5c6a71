namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Splits a collection into ranges of its unique id, read in parallel. Each range is paged with
/// <c>uid &gt; last</c> in ascending order: a record that exists before and after the sync keeps its
/// unique id, so inserts and deletes during the sync can never shift it out of the pages (offset
/// paging can). The last range is open-ended, so records added meanwhile may be read too.
/// </summary>
internal static class KeysetRanges
{
    public static List<(long From, long? Before)> Split(long min, long max, long total, int pageSize, int workers)
    {
        var pages = (total + pageSize - 1) / pageSize;
        var count = (int)Math.Clamp(Math.Min(pages, workers * 4L), 1, 256);
        var span = max - min + 1;
        if (count == 1 || span < count)
        {
            return [(min, null)];
        }

        var ranges = new List<(long, long?)>(count);
        var step = span / count;
        for (var i = 0; i < count; i++)
        {
            var from = min + i * step;
            ranges.Add((from, i == count - 1 ? null : from + step));
        }

        return ranges;
    }
}
