using System.Text;

namespace MaximoOffline.Data.Workspace;

/// <summary>A run of a value, and whether it is one of the words a search matched.</summary>
public sealed record TextSpan(string Text, bool Match);

/// <summary>
/// What someone typed into a search box, made safe for FTS5: the words and numbers in it (runs of
/// letters and digits, as SQLite's <c>unicode61</c> tokenizer cuts them), each matched as a prefix,
/// all of them required. Nothing typed reaches FTS5 as syntax: quotes, <c>*</c>, <c>:</c>, <c>AND</c>
/// or <c>NEAR</c> are separators or plain words. Over-long input is refused rather than cut.
/// </summary>
public sealed class SearchText
{
    public const int MaxLength = 200;
    public const int MaxTerms = 8;

    private SearchText(string text, IReadOnlyList<string> terms)
    {
        Text = text;
        Terms = terms;
        Match = string.Join(" ", terms.Select(t => $"\"{t}\"*"));
    }

    public string Text { get; }

    /// <summary>The words, lower-case, in the order typed, without repeats.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The FTS5 query: every term as a quoted prefix.</summary>
    public string Match { get; }

    /// <summary>The terms as the full-text indexes keep words (accents off), folded once: <see cref="MatchesAll"/> runs per row.</summary>
    private IReadOnlyList<string> FoldedTerms => _foldedTerms ??= [.. Terms.Select(PostgresSearchIndex.FoldWord)];

    private IReadOnlyList<string>? _foldedTerms;

    /// <summary>True when a term has a digit, as Maximo's numbers (assets, work orders, items, locations) do.</summary>
    public bool NamesANumber => Terms.Any(t => t.Any(char.IsDigit));

    /// <summary>True when nothing searchable was typed (empty, or only punctuation): nothing matches.</summary>
    public bool IsEmpty => Terms.Count == 0;

    /// <exception cref="WorkspaceRequestException">Longer than <see cref="MaxLength"/> or more than <see cref="MaxTerms"/> words.</exception>
    public static SearchText Parse(string? text, string parameter = "q")
    {
        text = text?.Trim() ?? "";
        if (text.Length > MaxLength)
        {
            throw WorkspaceRequestException.BadParameter(parameter,
                $"the search is {text.Length:N0} characters long; at most {MaxLength} are accepted.");
        }

        var terms = Words(text).Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count > MaxTerms)
        {
            throw WorkspaceRequestException.BadParameter(parameter, $"the search has {terms.Count} words; at most {MaxTerms} are accepted.");
        }

        return new SearchText(text, terms);
    }

    /// <summary><paramref name="value"/> cut into runs, the words that start with a search term marked.</summary>
    public IReadOnlyList<TextSpan> Highlight(string? value)
    {
        var spans = new List<TextSpan>();
        if (string.IsNullOrEmpty(value))
        {
            return spans;
        }

        var plain = new StringBuilder();
        foreach (var (word, isWord) in Runs(value))
        {
            if (isWord && Terms.Any(t => word.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            {
                if (plain.Length > 0)
                {
                    spans.Add(new TextSpan(plain.ToString(), false));
                    plain.Clear();
                }

                spans.Add(new TextSpan(word, true));
            }
            else
            {
                plain.Append(word);
            }
        }

        if (plain.Length > 0)
        {
            spans.Add(new TextSpan(plain.ToString(), false));
        }

        return spans;
    }

    /// <summary>True when a word of <paramref name="value"/> starts with a search term.</summary>
    public bool Matches(string? value) => Highlight(value).Any(s => s.Match);

    /// <summary>
    /// True when every term starts a word of one of <paramref name="values"/>, case and accents aside,
    /// as the full-text indexes match a row: for rows the indexes do not hold (soft-deleted ones).
    /// </summary>
    public bool MatchesAll(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var left = new List<string>(FoldedTerms);
        foreach (var value in values)
        {
            foreach (var word in string.IsNullOrEmpty(value) ? [] : Words(value))
            {
                var folded = PostgresSearchIndex.FoldWord(word);
                left.RemoveAll(t => folded.StartsWith(t, StringComparison.Ordinal));
                if (left.Count == 0)
                {
                    return true;
                }
            }
        }

        return left.Count == 0;
    }

    /// <summary>
    /// How well <paramref name="value"/> matches, 0 when not at all: per term, 1 when a word of it is the
    /// term, 0.5 when a word only starts with it; the sum weighed by the value's length in words, from
    /// 1 (one word) down to half (many), so that "Pump" ranks before "Pump housing seal kit".
    /// </summary>
    /// <remarks>Reads the value in place (no allocation): search ranks up to a thousand rows per table with it.</remarks>
    public double Weigh(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        Span<double> best = stackalloc double[Terms.Count];
        var words = 0;
        var text = value.AsSpan();
        var start = -1;
        var at = 0;
        void EndWord(ReadOnlySpan<char> word, Span<double> best)
        {
            words++;
            for (var t = 0; t < Terms.Count; t++)
            {
                var term = Terms[t].AsSpan();
                var match = word.Equals(term, StringComparison.OrdinalIgnoreCase) ? 1.0
                    : word.StartsWith(term, StringComparison.OrdinalIgnoreCase) ? 0.5 : 0;
                best[t] = Math.Max(best[t], match);
            }
        }

        // Words cut as Runs cuts them (letters and digits, by rune), without making strings.
        foreach (var rune in text.EnumerateRunes())
        {
            var inWord = Rune.IsLetterOrDigit(rune);
            if (inWord && start < 0)
            {
                start = at;
            }
            else if (!inWord && start >= 0)
            {
                EndWord(text[start..at], best);
                start = -1;
            }

            at += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            EndWord(text[start..], best);
        }

        var sum = 0.0;
        foreach (var b in best)
        {
            sum += b;
        }

        return sum * (0.5 + 0.5 / Math.Max(words, 1));
    }

    private static IEnumerable<string> Words(string text) => Runs(text).Where(r => r.IsWord).Select(r => r.Text);

    /// <summary>The runs of <paramref name="text"/>: words (letters and digits) and what separates them.</summary>
    private static IEnumerable<(string Text, bool IsWord)> Runs(string text)
    {
        var run = new StringBuilder();
        bool? inWord = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var isWord = Rune.IsLetterOrDigit(rune);
            if (inWord is { } current && current != isWord)
            {
                yield return (run.ToString(), current);
                run.Clear();
            }

            inWord = isWord;
            run.Append(rune.ToString());
        }

        if (inWord is { } last)
        {
            yield return (run.ToString(), last);
        }
    }
}
