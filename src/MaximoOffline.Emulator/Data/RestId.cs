using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace MaximoOffline.Emulator.Data;

// Rest id = "_" + base64url(key values joined by "/"), with padding written as "-".
internal static class RestId
{
    public static string Encode(IEnumerable<string> keyValues) => Encode([.. keyValues]);

    // Every served member needs its rest id: built in one buffer, one string allocated.
    public static string Encode(params string[] keyValues)
    {
        var size = keyValues.Length;
        foreach (var value in keyValues)
        {
            size += Encoding.UTF8.GetMaxByteCount(value.Length);
        }
        var rented = size <= 256 ? null : ArrayPool<byte>.Shared.Rent(size + Base64.GetMaxEncodedToUtf8Length(size) + 1);
        Span<byte> buffer = rented ?? stackalloc byte[256 + Base64.GetMaxEncodedToUtf8Length(256) + 1];
        var joined = 0;
        for (var i = 0; i < keyValues.Length; i++)
        {
            if (i > 0)
            {
                buffer[joined++] = (byte)'/';
            }
            joined += Encoding.UTF8.GetBytes(keyValues[i], buffer[joined..]);
        }
        var encoded = buffer[joined..];
        encoded[0] = (byte)'_';
        Base64.EncodeToUtf8(buffer[..joined], encoded[1..], out _, out var written);
        var id = encoded[..(written + 1)];
        id.Replace((byte)'+', (byte)'-');
        id.Replace((byte)'/', (byte)'_');
        id.Replace((byte)'=', (byte)'-');
        var result = Encoding.ASCII.GetString(id);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        return result;
    }

    // "-" is both base64url's "+" and the padding, so one rest id can decode several ways
    // ("RVQ-" is "ET" padded or "ET>"): every reading that encodes back to the id, padded first.
    public static IReadOnlyList<string[]> Decode(string restId)
    {
        var readings = new List<string[]>();
        if (restId.Length < 2 || restId[0] != '_')
        {
            return readings;
        }
        var body = restId[1..];
        for (var padding = 2; padding >= 0; padding--)
        {
            if (body.Length < padding || body.EndsWith(new string('-', padding), StringComparison.Ordinal) is false)
            {
                continue;
            }
            var candidate = body[..^padding].Replace('-', '+').Replace('_', '/') + new string('=', padding);
            if (candidate.Length % 4 != 0)
            {
                continue;
            }
            var bytes = new byte[candidate.Length];
            if (Convert.TryFromBase64String(candidate, bytes, out var written))
            {
                var values = Encoding.UTF8.GetString(bytes, 0, written).Split('/');
                if (Encode(values) == restId)
                {
                    readings.Add(values);
                }
            }
        }
        return readings;
    }
}
