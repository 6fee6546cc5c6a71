namespace MaximoOffline.Emulator.Data;

// Maximo's rowstamp is one database-wide counter bumped on every insert and update.
internal sealed class RowstampClock(long start)
{
    private long _last = start;

    public long Current => Interlocked.Read(ref _last);

    public long Next() => Interlocked.Increment(ref _last);
}
