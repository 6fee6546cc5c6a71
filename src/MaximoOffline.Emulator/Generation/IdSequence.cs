namespace MaximoOffline.Emulator.Generation;

// Unique ids that grow strictly with the index but with gaps, like a database sequence shared with
// deleted rows: At(i) = Base + i*Stride + jitter, jitter < Stride.
internal sealed record IdSequence(long Base, int Stride, ulong Salt)
{
    public long At(long index) => Base + index * Stride + (long)(Hash.Of(Salt, (ulong)index) % (ulong)Stride);
}
