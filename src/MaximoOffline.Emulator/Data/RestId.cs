using System.Text;

namespace MaximoOffline.Emulator.Data;

// Rest id = "_" + base64url(key values joined by "/"), with padding written as "-".
internal static class RestId
{
    public static string Encode(IEnumerable<string> keyValues)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('/', keyValues)));
        return "_" + base64.Replace('+', '-').Replace('/', '_').Replace('=', '-');
    }

    public static string Encode(params string[] keyValues) => Encode((IEnumerable<string>)keyValues);

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
