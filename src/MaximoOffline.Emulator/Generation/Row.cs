namespace MaximoOffline.Emulator.Generation;

// The generation context of one row: everything about the row is derived from these numbers.
// ParentIndex lets a child attribute read its parent's values (a meter's assetnum, a group's name).
internal readonly struct Row(ulong seed, ulong table, long index, long parentIndex = -1, int ordinal = 0)
{
    // Hashed once per row; every value of the row hashes only its own key on top.
    private readonly ulong _row = Hash.Of(Hash.Of(seed, table), (ulong)index);

    public long Index => index;
    public long ParentIndex => parentIndex;
    public int Ordinal => ordinal;
    public ulong Seed => seed;

    public ulong H(ulong key) => Hash.Of(_row, key);

    public int Int(ulong key, int min, int maxExclusive) =>
        min + (int)(H(key) % (ulong)Math.Max(1, maxExclusive - min));

    public bool Chance(ulong key, int percent) => H(key) % 100 < (ulong)percent;

    public T Pick<T>(ulong key, IReadOnlyList<T> items) => items[(int)(H(key) % (ulong)items.Count)];

    public double Fraction(ulong key) => (H(key) >> 11) * (1.0 / (1UL << 53));

    public double Amount(ulong key, double min, double max) => Math.Round(min + Fraction(key) * (max - min), 2);

    // A local date some days before the data set's anchor, in the server's zone, whole seconds.
    public DateTimeOffset DaysAgo(ulong key, int minDays, int maxDays)
    {
        var seconds = (long)(H(key) % (ulong)Math.Max(1, (long)(maxDays - minDays) * 86400));
        // Whole days and seconds: the same instant AddDays(-maxDays).AddSeconds(seconds) gives, in ticks.
        var ticks = Anchor.UtcDate.Ticks - maxDays * TimeSpan.TicksPerDay + seconds * TimeSpan.TicksPerSecond;
        return EasternTime.At(new DateTime(ticks, DateTimeKind.Utc));
    }
}

internal static class Anchor
{
    // Generated history ends here, so that data is the same whatever day it is generated on.
    public static readonly DateTime UtcDate = new(2025, 6, 30, 16, 0, 0, DateTimeKind.Utc);
}
