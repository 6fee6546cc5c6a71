namespace MaximoOffline.Emulator.Faults;

// Lets the first bytes of a response through, then either cuts the connection (a dropped
// connection mid-body) or silently discards the rest (a cleanly ended but truncated JSON body).
internal sealed class FaultyStream(Stream inner, long allowedBytes, Action? abort) : Stream
{
    private long _written;
    private bool _cut;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_cut)
        {
            return;
        }
        var room = (int)Math.Min(buffer.Length, allowedBytes - _written);
        if (room > 0)
        {
            await inner.WriteAsync(buffer[..room], cancellationToken);
            _written += room;
        }
        if (room < buffer.Length)
        {
            _cut = true;
            await inner.FlushAsync(cancellationToken);
            abort?.Invoke();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => _cut ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush()
    {
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous writes are not allowed.");
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
