using System.Globalization;

namespace MaximoOffline.Emulator.Query;

// One oslc.where term compiled against stored values. Literals are interpreted by the type of the
// value they meet: a quoted ISO date against a date, 1/0 against a flag, and so on.
internal sealed class Predicate
{
    private readonly WhereTerm _term;
    private readonly LiteralForms[] _literals;

    public Predicate(WhereTerm term)
    {
        _term = term;
        _literals = term.Values.Select(l => new LiteralForms(l)).ToArray();
    }

    public string Attribute => _term.Attribute;

    public bool Matches(object? value)
    {
        if (_term.Op == Op.In)
        {
            foreach (var literal in _literals)
            {
                if (Equal(value, literal))
                {
                    return true;
                }
            }
            return false;
        }
        var lit = _literals[0];
        if (lit.Source.IsStar)
        {
            var present = value is not null && value is not string { Length: 0 };
            return _term.Op switch
            {
                Op.Eq => present,
                Op.Ne => !present,
                _ => throw QueryError.Syntax($"\"*\" can only be used with = or != ({_term.Attribute})."),
            };
        }
        if (value is null)
        {
            return false;
        }
        return _term.Op switch
        {
            Op.Eq => Equal(value, lit),
            Op.Ne => !Equal(value, lit),
            _ => Order(value, lit) is var c && _term.Op switch
            {
                Op.Gt => c > 0,
                Op.Ge => c >= 0,
                Op.Lt => c < 0,
                _ => c <= 0,
            },
        };
    }

    private bool Equal(object? value, LiteralForms lit)
    {
        if (value is null)
        {
            return false;
        }
        if (value is string s)
        {
            return lit.Source.IsLike ? Like(s, lit.Source.Text) : string.Equals(s, lit.Source.Text, StringComparison.Ordinal);
        }
        return Order(value, lit) == 0;
    }

    private int Order(object value, LiteralForms lit) => value switch
    {
        string s => string.CompareOrdinal(s, lit.Source.Text),
        DateTimeOffset d => d.CompareTo(lit.Date ?? throw QueryError.Syntax($"'{lit.Source.Text}' is not a date ({_term.Attribute}).")),
        bool b => b.CompareTo(lit.Flag ?? throw QueryError.Syntax($"'{lit.Source.Text}' is not a boolean ({_term.Attribute}).")),
        _ when Values.IsNumber(value) => Values.ToDouble(value).CompareTo(lit.Number ?? throw QueryError.Syntax($"'{lit.Source.Text}' is not a number ({_term.Attribute}).")),
        _ => string.CompareOrdinal(Convert.ToString(value, CultureInfo.InvariantCulture), lit.Source.Text),
    };

    // Maximo's LIKE: % is any run of characters; case-insensitive like the descriptions it searches.
    private static bool Like(string value, string pattern)
    {
        var parts = pattern.Split('%');
        var pos = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                continue;
            }
            if (i == 0)
            {
                if (!value.StartsWith(part, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
                pos = part.Length;
                continue;
            }
            if (i == parts.Length - 1)
            {
                return value.Length - pos >= part.Length && value.EndsWith(part, StringComparison.OrdinalIgnoreCase);
            }
            var found = value.IndexOf(part, pos, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }
            pos = found + part.Length;
        }
        return true;
    }

    private sealed class LiteralForms(Literal source)
    {
        public Literal Source { get; } = source;
        public double? Number { get; } = double.TryParse(source.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
        public DateTimeOffset? Date { get; } = Values.ParseDate(source.Text);
        public bool? Flag { get; } = source.Text.ToLowerInvariant() switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => null,
        };
    }
}
