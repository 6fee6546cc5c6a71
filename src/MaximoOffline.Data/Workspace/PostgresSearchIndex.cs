using System.Text;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// Search everywhere on PostgreSQL: per searchable table (<see cref="ReplicaTable.SearchColumns"/>) a GIN
/// index over a <c>tsvector</c> of its live rows' searched columns, the counterpart of SQLite's FTS5
/// index (<see cref="SearchIndex"/>). PostgreSQL keeps an expression index current itself, in whatever
/// transaction changes a row, so nothing else needs triggers or a writer's help.
/// </summary>
/// <remarks>
/// Words are cut as SQLite's <c>unicode61 remove_diacritics</c> tokenizer cuts them, so that both engines
/// find the same rows: <see cref="WordsFunction"/> turns punctuation into spaces (PostgreSQL's own parser
/// would keep <c>P-1204</c>, an e-mail address or <c>12.5</c> whole) and accented Latin letters into their
/// base letter; the <c>simple</c> configuration then lower-cases without stemming (Maximo's numbers and
/// codes are not English words). Search ranks its matches itself, the same on both engines (see
/// <see cref="WorkspaceSearch"/>); the number's weight A stays in the index, where changing it would mean rebuilding it. Queries must repeat
/// <see cref="Vector"/> exactly for the index to serve them; a change to it needs a migration that makes
/// the index again with <see cref="DropSql"/> and <see cref="CreateSql"/> as they are that day, kept in its own
/// file (<c>MigrationSql</c>); a test compares a new replica's index with what this class makes.
/// </remarks>
public static class PostgresSearchIndex
{
    /// <summary>The immutable SQL function that makes a text's words SQLite's (see the remarks).</summary>
    public const string WordsFunction = "replica_search_words";

    private const string Config = "'simple'::regconfig";

    /// <summary>
    /// Accented Latin letters (Latin-1 and Latin Extended) and the letter each starts with in Unicode's
    /// canonical decomposition, written out: the app runs with invariant globalization, and the index's
    /// function must not change with the runtime that migrates it.
    /// </summary>
    private const string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆć" +
        "ĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕ" +
        "ŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟ" +
        "ǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";

    private const string Unaccented =
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCc" +
        "CcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRr" +
        "RrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAa" +
        "AaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy";

    private static readonly (string From, string To) Fold = FoldMap();

    public static string IndexOf(ReplicaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"ix_{table.Name}_search";
    }

    /// <summary>The searched words of a row of <paramref name="table"/> (<paramref name="alias"/>: a table alias with its dot).</summary>
    public static string Vector(ReplicaTable table, string alias = "")
    {
        ArgumentNullException.ThrowIfNull(table);
        string Words(IEnumerable<string> columns) =>
            $"to_tsvector({Config}, {WordsFunction}({string.Join(" || ' ' || ", columns.Select(c => $"coalesce({alias}\"{c}\", '')"))}))";
        var number = $"setweight({Words(table.SearchColumns.Take(1))}, 'A')";
        return table.SearchColumns.Count == 1 ? number : $"{number} || {Words(table.SearchColumns.Skip(1))}";
    }

    /// <summary>SQL true when the row matches the query passed as <paramref name="parameter"/> (see <see cref="Query"/>).</summary>
    public static string Matches(ReplicaTable table, string alias, string parameter) => $"{Vector(table, alias)} @@ {TsQuery(parameter)}";

    private static string TsQuery(string parameter) => $"to_tsquery({Config}, {parameter})";

    /// <summary>
    /// The <c>tsquery</c> text of <paramref name="text"/>: every term as a quoted prefix, all required;
    /// <paramref name="numberOnly"/>: in the number (the index's weight A) alone.
    /// </summary>
    public static string Query(SearchText text, bool numberOnly = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var label = numberOnly ? ":*A" : ":*";
        // Terms are letters and digits only (SearchText), so quoting them cannot be escaped from; doubling is belt and braces.
        return string.Join(" & ", text.Terms.Select(t => $"'{FoldWord(t).Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)}'{label}"));
    }

    /// <summary>A word as <see cref="WordsFunction"/> leaves it (accents off), lower-case.</summary>
    public static string FoldWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var at = Fold.From.IndexOf(c, StringComparison.Ordinal);
            folded.Append(at < 0 ? c : Fold.To[at]);
        }

        return folded.ToString().ToLowerInvariant();
    }

    /// <summary>Creates the words function and every table's index (filled from the rows there are).</summary>
    public static string CreateSql()
    {
        var sql = new StringBuilder();
        // translate() looks each character up in its whole map, about 120 µs a row here: it is kept for the
        // rare text with a character beyond ASCII. ASCII text (nearly all of Maximo's) only needs its
        // punctuation turned into spaces, which one regular expression does, the same as the map does.
        sql.Append($"CREATE OR REPLACE FUNCTION {WordsFunction}(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE " +
                   $"RETURN CASE WHEN value ~ '[^\\x01-\\x7f]' THEN translate(value, {Literal(Fold.From)}, {Literal(Fold.To)}) " +
                   $"ELSE regexp_replace(value, '[!-/:-@\\[-`{{-~]', ' ', 'g') END;\n");
        foreach (var table in SearchIndex.Tables)
        {
            sql.Append($"CREATE INDEX \"{IndexOf(table)}\" ON \"{table.Name}\" USING gin (({Vector(table)})) WHERE \"{ReplicaColumns.DeletedAt}\" IS NULL;\n");
        }

        return sql.ToString();
    }

    public static string DropSql()
    {
        var sql = new StringBuilder();
        foreach (var table in SearchIndex.Tables)
        {
            sql.Append($"DROP INDEX IF EXISTS \"{IndexOf(table)}\";\n");
        }

        sql.Append($"DROP FUNCTION IF EXISTS {WordsFunction}(text);\n");
        return sql.ToString();
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// What <see cref="WordsFunction"/> changes: ASCII punctuation, and the punctuation and symbols of
    /// Latin-1, general punctuation and currency become spaces; accented Latin letters their base letter.
    /// </summary>
    private static (string From, string To) FoldMap()
    {
        IEnumerable<int> Range(int first, int last) => Enumerable.Range(first, last - first + 1);
        var separators = string.Concat(Range(0x21, 0x7E).Concat(Range(0xA0, 0xFF)).Concat(Range(0x2000, 0x206F)).Concat(Range(0x20A0, 0x20CF))
            .Select(i => (char)i).Where(c => !char.IsLetterOrDigit(c)));
        return (separators + Accented, new string(' ', separators.Length) + Unaccented);
    }
}
