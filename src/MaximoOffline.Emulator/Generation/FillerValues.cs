using System.Buffers.Text;
using System.Text;
using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Generation;

// Values for the long tail of attributes a real record carries (a hundred on an asset), chosen from
// the attribute's name the way Maximo's types follow naming habits: *date is a date, is* a flag,
// *cost a decimal. Many are null, as on a real server.
internal static class FillerValues
{
    private static readonly string[] CodeWords = ["EAGLE", "NORTH", "MAIN", "STD", "A1", "B2", "PRI", "SEC", "TYPE1", "TYPE2", "GEN", "EXT"];
    private static readonly string[] TextWords =
        ["inspect", "replace", "quarterly", "check", "seal", "bearing", "pump", "motor", "filter", "valve", "north", "wing",
         "service", "per", "vendor", "spec", "line", "upper", "lower", "panel", "review", "annual", "safety", "note"];

    private static readonly byte[][] CodeWordsUtf8 = [.. CodeWords.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] TextWordsUtf8 = [.. TextWords.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] CapitalisedWordsUtf8 = [.. TextWords.Select(t => Encoding.UTF8.GetBytes(char.ToUpperInvariant(t[0]) + t[1..]))];
    private static readonly int MaxTextBytes = 16 * TextWords.Max(t => t.Length + 1);

    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        "disabled", "moved", "children", "autowogen", "rolltoallchildren", "hasld", "uncontrolled", "mainthierchy",
        "internal", "nevercache", "reorder", "consignment", "hasfollowupwork", "chargestore", "outreq", "interruptible",
        "downtime", "ignorediavail", "ignoresrmavail", "aos", "ams", "ignoremrpavail", "pluscismte", "plusciscontam",
        "pluscloop", "pluscsolution", "nestedjpinprocess", "apptrequired", "flowcontrolled", "flowactionassist",
        "suspendflow", "woisswap", "inctasksinsched", "reqasstdwntime", "acceptscharges", "returnedtovendor", "statusiface",
    };

    // The value and its streamed form, from one rule per naming habit.
    public static (ValueFn Value, EmitFn Emit) For(string name) => For(name, KindOf(name.ToLowerInvariant()));

    // The value and its streamed form for an attribute whose JSON type is known (from real responses).
    public static (ValueFn Value, EmitFn Emit) For(string name, FillerKind kind)
    {
        var salt = Hash.OfName(name);
        return kind switch
        {
            FillerKind.Date => ((in Row r) => r.Chance(salt, 30) ? null : r.DaysAgo(salt + 1, 1, 2500),
                (in Row r, JsonSink s, JsonName name) =>
                {
                    if (r.Chance(salt, 30))
                    {
                        s.Null(name);
                    }
                    else
                    {
                        s.Date(name, r.DaysAgo(salt + 1, 1, 2500));
                    }
                }),
            FillerKind.Flag => ((in Row r) => r.Chance(salt, 15),
                (in Row r, JsonSink s, JsonName name) => s.Boolean(name, r.Chance(salt, 15))),
            FillerKind.Amount => ((in Row r) => r.Chance(salt, 10) ? null : r.Amount(salt + 1, 0, 5000),
                (in Row r, JsonSink s, JsonName name) =>
                {
                    if (r.Chance(salt, 10))
                    {
                        s.Null(name);
                    }
                    else
                    {
                        s.Amount(name, r.Amount(salt + 1, 0, 5000));
                    }
                }),
            FillerKind.Count => ((in Row r) => (long)r.Int(salt, 0, 60),
                (in Row r, JsonSink s, JsonName name) => s.Number(name, (long)r.Int(salt, 0, 60))),
            FillerKind.Id => ((in Row r) => r.Chance(salt, 20) ? null : (long)r.Int(salt + 1, 1, 900_000),
                (in Row r, JsonSink s, JsonName name) =>
                {
                    if (r.Chance(salt, 20))
                    {
                        s.Null(name);
                    }
                    else
                    {
                        s.Number(name, r.Int(salt + 1, 1, 900_000));
                    }
                }),
            FillerKind.SystemId => ((in Row r) => r.Chance(salt, 60) ? null : "EXTSYS1",
                (in Row r, JsonSink s, JsonName name) =>
                {
                    if (r.Chance(salt, 60))
                    {
                        s.Null(name);
                    }
                    else
                    {
                        s.Ascii(name, "EXTSYS1"u8);
                    }
                }),
            FillerKind.Text => ((in Row r) => r.Chance(salt, 35) ? null : Text(r, salt + 1, 3, 8),
                (in Row r, JsonSink s, JsonName name) =>
                {
                    if (r.Chance(salt, 35))
                    {
                        s.Null(name);
                    }
                    else
                    {
                        WriteText(s, name, r, salt + 1, 3, 8);
                    }
                }),
            _ => ((in Row r) => r.Chance(salt, 25) ? null : Code(r, salt + 1),
                (in Row r, JsonSink s, JsonName name) =>
                {
                    if (r.Chance(salt, 25))
                    {
                        s.Null(name);
                    }
                    else
                    {
                        Span<byte> buffer = stackalloc byte[32];
                        s.Ascii(name, buffer[..CodeUtf8(r, salt + 1, buffer)]);
                    }
                }),
        };
    }

    private static FillerKind KindOf(string n) =>
        // Accounts and cost centres are codes, whatever "count" or "cost" their names hold.
        n.EndsWith("account", StringComparison.Ordinal) || n.EndsWith("acct", StringComparison.Ordinal) || n.EndsWith("center", StringComparison.Ordinal) ? FillerKind.Code
        : n.EndsWith("date", StringComparison.Ordinal) || n.EndsWith("time", StringComparison.Ordinal) && !n.Contains("downtime", StringComparison.Ordinal) ? FillerKind.Date
        : Flags.Contains(n) || n.StartsWith("is", StringComparison.Ordinal) && n.Length > 4 || n.EndsWith("flag", StringComparison.Ordinal) ? FillerKind.Flag
        : IsQuantity(n) ? FillerKind.Amount
        : n.EndsWith("count", StringComparison.Ordinal) || n.EndsWith("days", StringComparison.Ordinal) || n.EndsWith("seq", StringComparison.Ordinal) ? FillerKind.Count
        : n.EndsWith("sysid", StringComparison.Ordinal) ? FillerKind.SystemId
        : n.Contains("description", StringComparison.Ordinal) || n.Contains("memo", StringComparison.Ordinal) || n.Contains("remark", StringComparison.Ordinal) ||
          n.Contains("comment", StringComparison.Ordinal) || n.Contains("note", StringComparison.Ordinal) ? FillerKind.Text
        : FillerKind.Code;

    public static string Code(in Row r, ulong key) => $"{r.Pick(key, CodeWords)}{r.Int(key + 7, 10, 999)}";

    // Code and Text written as UTF-8 without building the string: the same words and digits.
    private static int CodeUtf8(in Row r, ulong key, Span<byte> destination)
    {
        var word = CodeWordsUtf8[(int)(r.H(key) % (ulong)CodeWordsUtf8.Length)];
        word.CopyTo(destination);
        Utf8Formatter.TryFormat(r.Int(key + 7, 10, 999), destination[word.Length..], out var written);
        return word.Length + written;
    }

    private static int TextUtf8(in Row r, ulong key, int minWords, int maxWords, Span<byte> destination)
    {
        var count = r.Int(key, minWords, maxWords + 1);
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var index = (int)(r.H(key + 11 + (ulong)i) % (ulong)TextWordsUtf8.Length);
            if (i > 0)
            {
                destination[length++] = (byte)' ';
            }
            var word = i == 0 ? CapitalisedWordsUtf8[index] : TextWordsUtf8[index];
            word.CopyTo(destination[length..]);
            length += word.Length;
        }
        return length;
    }

    // Text, written as UTF-8.
    public static void WriteText(JsonSink sink, JsonName name, in Row r, ulong key, int minWords, int maxWords)
    {
        Span<byte> buffer = stackalloc byte[MaxTextBytes];
        sink.Ascii(name, buffer[..TextUtf8(r, key, minWords, maxWords, buffer)]);
    }

    public static string Text(in Row r, ulong key, int minWords, int maxWords)
    {
        var count = r.Int(key, minWords, maxWords + 1);
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = r.Pick(key + 11 + (ulong)i, TextWords);
        }
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    private static bool IsQuantity(string n) =>
        n.Contains("cost", StringComparison.Ordinal) || n.Contains("price", StringComparison.Ordinal) ||
        n.Contains("amount", StringComparison.Ordinal) || n.Contains("total", StringComparison.Ordinal) ||
        n.Contains("budget", StringComparison.Ordinal) || n.Contains("qty", StringComparison.Ordinal) ||
        n.Contains("quantity", StringComparison.Ordinal) || n.Contains("hrs", StringComparison.Ordinal) ||
        n.Contains("hours", StringComparison.Ordinal) || n.Contains("measure", StringComparison.Ordinal) ||
        n.Contains("rate", StringComparison.Ordinal) || n.Contains("life", StringComparison.Ordinal) ||
        n.Contains("weight", StringComparison.Ordinal) || n.Contains("balance", StringComparison.Ordinal) ||
        n.Contains("level", StringComparison.Ordinal) || n.Contains("reading", StringComparison.Ordinal) ||
        n.Contains("tax", StringComparison.Ordinal) || n.EndsWith("bal", StringComparison.Ordinal);
}

// The JSON type (and look) of a filler attribute: a date; a flag (boolean); an amount (decimal); a
// small count; an id-like integer; an external system name; prose; a short code.
internal enum FillerKind
{
    Code,
    Date,
    Flag,
    Amount,
    Count,
    Id,
    SystemId,
    Text,
}
