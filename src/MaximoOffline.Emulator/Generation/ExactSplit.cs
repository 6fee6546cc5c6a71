namespace MaximoOffline.Emulator.Generation;

// Splits Total items over Buckets buckets unevenly but with an exact sum, each bucket's share and
// offset a pure function of its index (2,051 group memberships over the persons, 13,246 domain values
// over the domains): Start is non-decreasing because the jitter is smaller than one bucket's mean.
internal sealed record ExactSplit(long Total, long Buckets, ulong Salt)
{
    public long Start(long bucket) =>
        bucket <= 0 ? 0
        : bucket >= Buckets ? Total
        : (bucket * Total + (long)(Hash.Of(Salt, (ulong)bucket) % (ulong)Total)) / Buckets;

    public int CountOf(long bucket) => (int)(Start(bucket + 1) - Start(bucket));
}
