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

    // "-" is both base64url's "+" and the padding, so try the paddings a valid id can have.
    public static string[]? Decode(string restId)
    {
        if (restId.Length < 2 || restId[0] != '_')
        {
            return null;
        }
        var body = restId[1..];
        for (var padding = 0; padding <= 2; padding++)
        {
            if (padding > 0 && (body.Length < padding || body[^padding] != '-'))
            {
                break;
            }
            var candidate = body[..^padding].Replace('-', '+').Replace('_', '/') + new string('=', padding);
            if (candidate.Length % 4 != 0)
            {
                continue;
            }
            var bytes = new byte[candidate.Length];
            if (Convert.TryFromBase64String(candidate, bytes, out var written))
            {
                var text = Encoding.UTF8.GetString(bytes, 0, written);
                if (Encode(text.Split('/')) == restId)
                {
                    return text.Split('/');
                }
            }
        }
        return null;
    }
}
