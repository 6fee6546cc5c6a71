using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace MaximoOffline.Emulator.Json;

// A minimal JSON writer for the body of one generated member, written to a reused buffer and handed
// to the Utf8JsonWriter whole (WriteRawValue). Utf8JsonWriter checks state, depth and room on every
// call; a member is ~300 short values, so those checks were most of the cost of writing. The output
// is byte for byte Utf8JsonWriter's: same minimised form, and strings that need escaping (anything
// outside its default allow-list) are escaped by System.Text.Json itself.
internal sealed partial class JsonSink(bool dropNulls)
{
    // Utf8JsonWriter's default allow-list: printable ASCII except the HTML-sensitive and escaped ones.
    private static readonly SearchValues<byte> Safe = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (byte)c).Where(c => "\"&'+<>`\\".IndexOf((char)c, StringComparison.Ordinal) < 0)]);

    private byte[] _buffer = new byte[16 * 1024];
    private int _length;
    private bool _comma;

    public bool DropNulls => dropNulls;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Reset()
    {
        _length = 0;
        _comma = false;
    }

    public void StartObject()
    {
        Separator();
        Put((byte)'{');
        _comma = false;
    }

    public void StartObject(JsonName name)
    {
        Name(name);
        Put((byte)'{');
        _comma = false;
    }

    public void EndObject()
    {
        Put((byte)'}');
        _comma = true;
    }

    public void StartArray(JsonName name)
    {
        Name(name);
        Put((byte)'[');
        _comma = false;
    }

    public void EndArray()
    {
        Put((byte)']');
        _comma = true;
    }

    // A null the client asked to keep (_dropnulls=0); ExplicitNull always writes.
    public void Null(JsonName name)
    {
        if (!dropNulls)
        {
            ExplicitNull(name);
        }
    }

    public void ExplicitNull(JsonName name)
    {
        Name(name);
        Put("null"u8);
        _comma = true;
    }

    public void Boolean(JsonName name, bool value)
    {
        Name(name);
        Put(value ? "true"u8 : "false"u8);
        _comma = true;
    }

    public void Number(JsonName name, long value)
    {
        Name(name);
        Utf8Formatter.TryFormat(value, Room(20), out var written);
        _length += written;
        _comma = true;
    }

    public void String(JsonName name, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAnyExcept(Safe) >= 0)
        {
            Name(name);
            Quoted(JsonEncodedText.Encode(utf8).EncodedUtf8Bytes);
            _comma = true;
        }
        else
        {
            Ascii(name, utf8);
        }
    }

    // A string made only of characters that never need escaping (codes, digits, generated words).
    public void Ascii(JsonName name, ReadOnlySpan<byte> utf8)
    {
        System.Diagnostics.Debug.Assert(utf8.IndexOfAnyExcept(Safe) < 0, "Ascii() is for strings that need no escaping.");
        Name(name);
        Quoted(utf8);
        _comma = true;
    }

    public void String(JsonName name, string? value)
    {
        if (value is null)
        {
            // Utf8JsonWriter.WriteString(name, null) writes a null whatever the null handling.
            ExplicitNull(name);
            return;
        }
        Name(name);
        var room = Room(value.Length + 2);
        if (System.Text.Ascii.FromUtf16(value, room[1..], out var written) == OperationStatus.Done && room.Slice(1, written).IndexOfAnyExcept(Safe) < 0)
        {
            room[0] = (byte)'"';
            room[written + 1] = (byte)'"';
            _length += written + 2;
        }
        else
        {
            Quoted(JsonEncodedText.Encode(value).EncodedUtf8Bytes);
        }
        _comma = true;
    }

    private void Name(JsonName name)
    {
        var prefix = name.Prefix;
        var room = Room(prefix.Length + 1);
        var at = 0;
        if (_comma)
        {
            room[at++] = (byte)',';
        }
        prefix.CopyTo(room[at..]);
        _length += at + prefix.Length;
    }

    private void Separator()
    {
        if (_comma)
        {
            Put((byte)',');
        }
    }

    private void Quoted(ReadOnlySpan<byte> utf8)
    {
        var room = Room(utf8.Length + 2);
        room[0] = (byte)'"';
        utf8.CopyTo(room[1..]);
        room[utf8.Length + 1] = (byte)'"';
        _length += utf8.Length + 2;
    }

    private void Put(byte value)
    {
        Room(1)[0] = value;
        _length++;
    }

    private void Put(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Room(value.Length));
        _length += value.Length;
    }

    // At least `size` free bytes at the end of what is written.
    private Span<byte> Room(int size)
    {
        if (_length + size > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        }
        return _buffer.AsSpan(_length);
    }
}
