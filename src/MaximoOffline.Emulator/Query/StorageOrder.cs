namespace MaximoOffline.Emulator.Query;

// The order records come in when a server ignores oslc.orderBy (--ignore-order): not by unique id,
// or ignoring the order would go unnoticed, but a fixed permutation that costs nothing at a million
// records. Indexes are cut into blocks of 64; within a block the record at offset o is served in
// place (o × 37 + 11) mod 64 (a bijection: 37 is prime to 64), so ids jump back and forth inside
// each block while blocks follow one another. The last, partial block uses its own length and a
// multiplier prime to it.
internal static class StorageOrder
{
    public const int Block = 64;
    private const int Offset = 11;
    private static readonly int[] Multipliers = [37, 41, 43, 47, 53, 59, 61];

    // The index served at place `position` of [0, count).
    public static int IndexAt(int position, int count)
    {
        var start = position / Block * Block;
        var length = Math.Min(Block, count - start);
        return start + (int)((long)(position - start) * MultiplierFor(length) + Offset) % length;
    }

    // Indexes in [lo, hi) of a collection of `count` indexes, in storage order; `include` decides
    // (if given) which of them to yield. Blocks outside the range are not visited.
    public static IEnumerable<int> Between(int lo, int hi, int count, Func<int, bool>? include = null)
    {
        if (lo >= hi)
        {
            yield break;
        }
        for (var start = lo / Block * Block; start < hi; start += Block)
        {
            var end = Math.Min(start + Block, count);
            for (var position = start; position < end; position++)
            {
                var index = IndexAt(position, count);
                if (index >= lo && index < hi && (include is null || include(index)))
                {
                    yield return index;
                }
            }
        }
    }

    private static int MultiplierFor(int length)
    {
        foreach (var multiplier in Multipliers)
        {
            if (length % multiplier != 0)
            {
                return multiplier;
            }
        }
        return 1;
    }
}
