using System.Buffers.Text;
using System.Text;

namespace MaximoOffline.Emulator.Json;

// The href or localref being written, as UTF-8. Child references extend their parent's, so one
// buffer serves a whole member: append a segment, write it, truncate back to the parent.
internal sealed class RefBuffer
{
    private byte[] _bytes = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public void Truncate(int length) => Length = length;

    public void Append(byte value)
    {
        Ensure(1);
        _bytes[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_bytes.AsSpan(Length));
        Length += value.Length;
    }

    public void Append(string value)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(value.Length));
        Length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(Length));
    }

    public void Append(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _bytes.AsSpan(Length), out var written);
        Length += written;
    }

    private void Ensure(int extra)
    {
        if (Length + extra > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + extra));
        }
    }
}
