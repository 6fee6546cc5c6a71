namespace MaximoOffline.Emulator.Query;

internal enum Op { Eq, Ne, Gt, Ge, Lt, Le, In }

// A literal as written: quoted text (may hold % wildcards or be "*"), a number, or a bare word.
internal sealed record Literal(string Text, bool Quoted)
{
    public bool IsStar => Quoted && Text == "*";
    public bool IsLike => Quoted && Text.Contains('%', StringComparison.Ordinal);
}

internal sealed record WhereTerm(string Attribute, Op Op, IReadOnlyList<Literal> Values);

// Maximo's oslc.where: terms joined by "and"; no "or", no parentheses.
internal static class WhereParser
{
    public static IReadOnlyList<WhereTerm> Parse(string? where)
    {
        if (string.IsNullOrWhiteSpace(where))
        {
            return [];
        }
        if (where.Contains('(', StringComparison.Ordinal) || where.Contains(')', StringComparison.Ordinal))
        {
            throw QueryError.Syntax("Parentheses are not supported in oslc.where.");
        }
        var terms = new List<WhereTerm>();
        var pos = 0;
        while (true)
        {
            terms.Add(ParseTerm(where, ref pos));
            SkipSpace(where, ref pos);
            if (pos >= where.Length)
            {
                return terms;
            }
            var word = ReadWord(where, ref pos);
            if (!string.Equals(word, "and", StringComparison.OrdinalIgnoreCase))
            {
                throw QueryError.Syntax($"Expected 'and' at position {pos - word.Length} but found '{word}'.");
            }
        }
    }

    private static WhereTerm ParseTerm(string s, ref int pos)
    {
        SkipSpace(s, ref pos);
        var attribute = ReadWord(s, ref pos);
        if (attribute.Length == 0 || !char.IsLetter(attribute[0]) && attribute[0] != '_')
        {
            throw QueryError.Syntax($"Expected an attribute name at position {pos}.");
        }
        SkipSpace(s, ref pos);
        if (pos < s.Length && char.IsLetter(s[pos]))
        {
            var keyword = ReadWord(s, ref pos);
            if (!string.Equals(keyword, "in", StringComparison.OrdinalIgnoreCase))
            {
                throw QueryError.Syntax($"Unexpected '{keyword}' after {attribute}.");
            }
            SkipSpace(s, ref pos);
            Expect(s, ref pos, '[');
            var values = new List<Literal>();
            while (true)
            {
                SkipSpace(s, ref pos);
                values.Add(ReadLiteral(s, ref pos));
                SkipSpace(s, ref pos);
                if (pos < s.Length && s[pos] == ',')
                {
                    pos++;
                    continue;
                }
                Expect(s, ref pos, ']');
                return new WhereTerm(attribute.ToLowerInvariant(), Op.In, values);
            }
        }
        var op = ReadOperator(s, ref pos);
        SkipSpace(s, ref pos);
        return new WhereTerm(attribute.ToLowerInvariant(), op, [ReadLiteral(s, ref pos)]);
    }

    private static Op ReadOperator(string s, ref int pos)
    {
        string[] ops = [">=", "<=", "!=", "=", ">", "<"];
        foreach (var candidate in ops)
        {
            if (string.CompareOrdinal(s, pos, candidate, 0, candidate.Length) == 0)
            {
                pos += candidate.Length;
                return candidate switch
                {
                    ">=" => Op.Ge,
                    "<=" => Op.Le,
                    "!=" => Op.Ne,
                    "=" => Op.Eq,
                    ">" => Op.Gt,
                    _ => Op.Lt,
                };
            }
        }
        throw QueryError.Syntax($"Expected a comparison operator at position {pos}.");
    }

    private static Literal ReadLiteral(string s, ref int pos)
    {
        if (pos >= s.Length)
        {
            throw QueryError.Syntax("The clause ends where a value was expected.");
        }
        if (s[pos] == '"')
        {
            var end = s.IndexOf('"', pos + 1);
            if (end < 0)
            {
                throw QueryError.Syntax("Unterminated quoted value.");
            }
            var text = s[(pos + 1)..end];
            pos = end + 1;
            return new Literal(text, true);
        }
        var start = pos;
        while (pos < s.Length && !char.IsWhiteSpace(s[pos]) && s[pos] is not (',' or ']' or '[' or '"' or '=' or '<' or '>' or '!'))
        {
            pos++;
        }
        if (pos == start)
        {
            throw QueryError.Syntax($"Expected a value at position {pos}.");
        }
        return new Literal(s[start..pos], false);
    }

    private static string ReadWord(string s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && (char.IsLetterOrDigit(s[pos]) || s[pos] is '_' or '.'))
        {
            pos++;
        }
        return s[start..pos];
    }

    private static void Expect(string s, ref int pos, char c)
    {
        if (pos >= s.Length || s[pos] != c)
        {
            throw QueryError.Syntax($"Expected '{c}' at position {pos}.");
        }
        pos++;
    }

    private static void SkipSpace(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
    }
}
