using System.Globalization;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using Microsoft.Data.Sqlite;
using static MaximoOffline.Data.Workspace.RowValues;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// The few places where the workspace's SQL differs between the engines: the full-text index (SQLite's
/// FTS5 <see cref="SearchIndex"/>, PostgreSQL's GIN <see cref="PostgresSearchIndex"/>), naming the index a
/// list reads (SQLite's <c>INDEXED BY</c>; PostgreSQL's planner chooses), reading <c>raw</c>, and time
/// values (text on SQLite, <c>timestamptz</c> on PostgreSQL). Everything else is SQL both engines read.
/// </summary>
internal abstract class WorkspaceSql
{
    private static readonly WorkspaceSql SqliteSql = new Sqlite();
    private static readonly WorkspaceSql PostgresSql = new Postgres();

    /// <summary>The SQL of the engine <paramref name="database"/> holds the replica on.</summary>
    public static WorkspaceSql For(ReplicaStore database) => database.Provider == ReplicaProvider.Postgres ? PostgresSql : SqliteSql;

    /// <summary>The search parameter <c>@match</c>'s value for <paramref name="text"/>.</summary>
    public abstract object Match(SearchText text);

    /// <summary><c>@match</c>'s value for <paramref name="text"/> found in <paramref name="table"/>'s first searched column (its number) alone.</summary>
    public abstract object NumberMatch(SearchText text, ReplicaTable table);

    /// <summary>The unique ids (as <c>id</c>) of the newest live rows of <paramref name="table"/> that match <c>@match</c>, at most <c>@window</c>.</summary>
    public abstract string NewestMatches(ReplicaTable table);

    /// <summary>The table as <c>t</c> for a list statement written for <paramref name="index"/>; <paramref name="byWords"/>: joined to the rows matching <c>@match</c> first.</summary>
    public abstract string ListSource(ReplicaTable table, string index, bool byWords);

    /// <summary>SQL true when the row <c>t</c> matches <c>@match</c>; <paramref name="common"/>: the list walks its sort index (see <see cref="ListReader"/>).</summary>
    public abstract string WordFilter(ReplicaTable table, bool common);

    /// <summary>
    /// SQL true when the row <c>t</c>, one the full-text index does not hold (a soft-deleted one), has the
    /// words <c>@words</c> (<see cref="Words"/>) in its searched columns, matched as the index matches them.
    /// Tested row by row: for the few rows a list over soft-deleted ones reads.
    /// </summary>
    public abstract string RowWordFilter(ReplicaTable table);

    /// <summary><c>@words</c>'s value for <paramref name="text"/>.</summary>
    public abstract object Words(SearchText text);

    /// <summary>
    /// Adds to a SQLite replica's connection the function its <see cref="RowWordFilter"/> calls: every
    /// connection gets it when it opens (<c>SqlitePragmas</c>), as it gets the replica's pragmas.
    /// </summary>
    public static void AddFunctions(SqliteConnection connection) => Sqlite.AddRowWords(connection);

    /// <summary>
    /// True when a list by words must choose how to read (matches first, or its sort index) by counting the
    /// matches itself (SQLite); PostgreSQL's planner makes that choice from its statistics.
    /// </summary>
    public abstract bool ChoosesByMatchCount { get; }

    /// <summary>The number of live rows of <paramref name="table"/> that match <c>@match</c>, counted up to <c>@common</c> (where <see cref="ChoosesByMatchCount"/>).</summary>
    public virtual string MatchCount(ReplicaTable table) => throw new NotSupportedException("This engine's planner chooses how a list by words reads.");

    /// <summary>
    /// The searchable tables a list of <paramref name="table"/> by words reads: its own, then its children's
    /// whose matches are its rows (a domain found by one of its values), as search finds them.
    /// </summary>
    protected static List<ReplicaTable> Searched(ReplicaTable table) =>
        [.. SearchIndex.Tables.Where(t => t == table || t.Owners.Contains(table) && WorkspaceKinds.OfSearchTable(t).Table == table)
            .OrderBy(t => t == table ? 0 : 1)];

    /// <summary>The SQL that reads Maximo's description of a code from <c>raw</c>: <c>status</c> → <c>status_description</c>.</summary>
    public abstract string DescriptionOf(string column, string alias);

    /// <summary>A sort value as a list position keeps it: a time as SQLite's text, so that cursors are the same on both engines.</summary>
    public virtual object CursorValue(object value) => value;

    /// <summary>A position's sort value as a parameter compared with the column.</summary>
    public virtual object? SortParameter(object? value, ColumnKind kind) => value;

    private sealed class Sqlite : WorkspaceSql
    {
        public override object Match(SearchText text) => text.Match;

        // FTS5's column filter: every term in that column (terms are quoted, so nothing typed is syntax).
        public override object NumberMatch(SearchText text, ReplicaTable table) => $"{{{table.SearchColumns[0]}}} : ({text.Match})";

        public override string NewestMatches(ReplicaTable table)
        {
            var index = Quote(SearchIndex.IndexOf(table));
            return $"SELECT rowid AS id FROM {index} WHERE {index} MATCH @match ORDER BY rowid DESC LIMIT @window";
        }

        public override string ListSource(ReplicaTable table, string index, bool byWords)
        {
            if (!byWords)
            {
                return $"{Quote(table.Name)} t INDEXED BY {Quote(index)}";
            }

            // The matches first (the join's order fixed), then their rows by unique id.
            var (source, id) = Searched(table).Count == 1 ? (Quote(SearchIndex.IndexOf(table)), "rowid") : ($"({MatchingIds(table)})", "id");
            return $"{source} m CROSS JOIN {Quote(table.Name)} t ON t.{Quote(table.KeyColumn)} = m.{id}";
        }

        public override string WordFilter(ReplicaTable table, bool common)
        {
            if (common)
            {
                // Tested on the rows the sort index gives ("+": not a rowid lookup the planner could drive with
                // every match): a part of the list with no rows (no null sort values) then never reads the matches.
                return $"+t.{Quote(table.KeyColumn)} IN ({MatchingIds(table, distinct: false)})";
            }

            // Matched in the source already when it reads several indexes (see ListSource).
            var index = Quote(SearchIndex.IndexOf(table));
            return Searched(table).Count == 1 ? $"m.{index} MATCH @match" : "1 = 1";
        }

        /// <summary>
        /// The unique ids (as <c>id</c>) of the live rows of <paramref name="table"/> that match <c>@match</c>, in
        /// its index or a child's; <paramref name="distinct"/>: each once (an <c>IN</c> list does not need it).
        /// </summary>
        private static string MatchingIds(ReplicaTable table, bool distinct = true) => string.Join(distinct ? " UNION " : " UNION ALL ", Searched(table).Select(searched =>
        {
            var index = Quote(SearchIndex.IndexOf(searched));
            return searched == table
                ? $"SELECT rowid AS id FROM {index} WHERE {index} MATCH @match"
                : $"SELECT c.{Quote(searched.OwnerColumn(table))} AS id FROM {index} JOIN {Quote(searched.Name)} c ON c.{Quote(searched.KeyColumn)} = {index}.rowid " +
                  $"WHERE {index} MATCH @match";
        }));

        public override bool ChoosesByMatchCount => true;

        private const string RowWordsFunction = "replica_row_words";

        public override string RowWordFilter(ReplicaTable table) =>
            $"{RowWordsFunction}(@words, {string.Join(", ", table.SearchColumns.Select(c => "t." + Quote(c)))})";

        public override object Words(SearchText text) => text.Text;

        // FTS5's tokenizer cannot be called from SQL, so the function is the app's (SearchText.MatchesAll).
        public static void AddRowWords(SqliteConnection connection)
        {
            SearchText? words = null; // the statement's words, parsed once
            connection.CreateFunction(RowWordsFunction, (object?[] values) =>
            {
                var text = (string)values[0]!;
                words = words?.Text == text ? words : SearchText.Parse(text);
                return words.MatchesAll(values.Skip(1).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
            }, isDeterministic: true);
        }

        public override string MatchCount(ReplicaTable table) => $"SELECT COUNT(*) FROM ({MatchingIds(table)} LIMIT @common)";

        public override string DescriptionOf(string column, string alias) => $"json_extract({alias}{ReplicaColumns.Raw}, '$.\"{column}_description\"')";
    }

    private sealed class Postgres : WorkspaceSql
    {
        public override object Match(SearchText text) => PostgresSearchIndex.Query(text);

        public override object NumberMatch(SearchText text, ReplicaTable table) => PostgresSearchIndex.Query(text, numberOnly: true);

        public override string NewestMatches(ReplicaTable table)
        {
            var key = "s." + Quote(table.KeyColumn);
            return $"SELECT {key} AS id FROM {Quote(table.Name)} s " +
                   $"WHERE s.{ReplicaColumns.DeletedAt} IS NULL AND {PostgresSearchIndex.Matches(table, "s.", "@match")} ORDER BY {key} DESC LIMIT @window";
        }

        public override string ListSource(ReplicaTable table, string index, bool byWords) => $"{Quote(table.Name)} t";

        public override string WordFilter(ReplicaTable table, bool common) =>
            "(" + string.Join(" OR ", Searched(table).Select(searched => searched == table
                ? PostgresSearchIndex.Matches(table, "t.", "@match")
                : $"t.{Quote(table.KeyColumn)} IN (SELECT c.{Quote(searched.OwnerColumn(table))} FROM {Quote(searched.Name)} c " +
                  $"WHERE c.{ReplicaColumns.DeletedAt} IS NULL AND {PostgresSearchIndex.Matches(searched, "c.", "@match")})")) + ")";

        public override bool ChoosesByMatchCount => false;

        public override string RowWordFilter(ReplicaTable table) => PostgresSearchIndex.Matches(table, "t.", "@words");

        public override object Words(SearchText text) => PostgresSearchIndex.Query(text);

        public override string DescriptionOf(string column, string alias) => $"{alias}{ReplicaColumns.Raw} ->> '{column}_description'";

        public override object CursorValue(object value) =>
            value is DateTime time ? time.ToUniversalTime().ToString(ReplicaColumns.DateFormat, CultureInfo.InvariantCulture) : value;

        public override object? SortParameter(object? value, ColumnKind kind)
        {
            if (kind != ColumnKind.Date || value is not string text)
            {
                return value;
            }

            return DateTime.TryParseExact(text, ReplicaColumns.DateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
                : throw WorkspaceRequestException.BadParameter("after", "the cursor is not one this list gave (its time is not one); start again from the first page.");
        }
    }
}
