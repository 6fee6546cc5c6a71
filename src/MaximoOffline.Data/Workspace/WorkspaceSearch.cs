using System.Data.Common;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Workspace.RowValues;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// Search everywhere: one query over every searchable table's full-text index (<see cref="SearchIndex"/>),
/// ranked, grouped by kind, with counts. A hit in a child table (a domain's value) is a hit on its owner.
/// </summary>
/// <remarks>
/// Each table's matches are read newest first (highest unique id) up to <see cref="Window"/> and
/// ranked among those, here, the same on both engines (<see cref="SearchText.Weigh"/>): a match in the
/// record's number weighs four times one elsewhere, a whole word more than a word it starts, a short
/// value more than a long one; ties go to the newest. A search that matches more than the window says
/// so (the count is then "1,000 or more") and its best hits are the best of the newest thousand and,
/// when a term has a digit, of the newest hundred that match in their number alone (so that a record
/// named by its number is found however many newer records mention it). The cost of a search is
/// bounded by the window, not by the size of the replica. (FTS5's bm25 was not used: it reads every
/// row that has a term to weigh the term, so its cost grew with the replica.)
/// </remarks>
public sealed class WorkspaceSearch(ReplicaStore database)
{
    public const int Window = 1000;
    public const int MaxLimit = 100;

    /// <exception cref="WorkspaceRequestException">A bad search text, kind or limit.</exception>
    public SearchResult Search(string? q, string? kind = null, int? limit = null)
    {
        var text = SearchText.Parse(q);
        var only = string.IsNullOrWhiteSpace(kind) ? null : WorkspaceKinds.Find(kind.Trim())
            ?? throw WorkspaceRequestException.BadParameter("kind", $"'{ListQuery.Shorten(kind)}' is not one of {string.Join(", ", WorkspaceKinds.All.Select(k => k.Slug))}.");
        if (limit is < 1 or > MaxLimit)
        {
            throw WorkspaceRequestException.BadParameter("limit", $"{limit} is out of range: 1 to {MaxLimit}.");
        }

        var hitsPerKind = limit ?? (only is null ? 5 : 20);
        if (text.IsEmpty)
        {
            return new SearchResult(text.Text, [], []);
        }

        using var connection = database.OpenConnection();
        using var snapshot = database.BeginRead(connection);
        var sql = WorkspaceSql.For(database);
        var groups = new List<SearchGroup>();
        foreach (var group in only is null ? WorkspaceKinds.All : [only])
        {
            // Each record once, with its best match: a child table's rows (a domain's values) may name one record several times.
            var best = new Dictionary<long, Candidate>();
            var exact = true;
            foreach (var table in SearchIndex.Tables.Where(t => WorkspaceKinds.OfSearchTable(t) == group))
            {
                exact &= SearchTable(connection, snapshot, sql, group, table, text, best);
            }

            if (best.Count > 0)
            {
                var hits = best.Values.OrderByDescending(c => c.Score).ThenByDescending(c => c.Record).Take(hitsPerKind).Select(c => c.ToHit(group, text));
                groups.Add(new SearchGroup(group.Slug, group.Title, Math.Min(best.Count, Window), exact && best.Count <= Window, [.. hits]));
            }
        }

        snapshot.Commit();
        return new SearchResult(text.Text, text.Terms, groups);
    }

    /// <summary>
    /// Ranks <paramref name="table"/>'s newest matches into <paramref name="best"/>; false when the table had
    /// more than the window. Then, when the search names a number (<see cref="SearchText.NamesANumber"/>),
    /// a record whose number matches is looked for among the matches in numbers alone too: newer matches
    /// elsewhere (a number also written in many descriptions) must not hide the record a technician named.
    /// Not for words alone: finding that no number holds a common word reads every row that has it
    /// (3.6 ms for "pump" among 500,000 assets), and Maximo's numbers have digits.
    /// </summary>
    private static bool SearchTable(DbConnection connection, DbTransaction snapshot, WorkspaceSql sql, WorkspaceKind kind,
        ReplicaTable table, SearchText text, Dictionary<long, Candidate> best)
    {
        var also = table.SearchColumns.Where(c => c != kind.NumberColumn && c != kind.DescriptionColumn).ToList();
        var statement = RankedMatches(kind, table, also, sql);
        var exact = Rank(connection, snapshot, statement, also, sql.Match(text), Window, text, best);
        if (!exact && text.NamesANumber && table == kind.Table && table.SearchColumns[0] == kind.NumberColumn)
        {
            Rank(connection, snapshot, statement, also, sql.NumberMatch(text, table), NumberWindow, text, best);
        }

        return exact;
    }

    /// <summary>
    /// The statement that reads the newest matches' values (at most <c>@window</c>): the record's unique id,
    /// number, description, site, status, then the table's other searched columns (<paramref name="also"/>).
    /// </summary>
    private static string RankedMatches(WorkspaceKind kind, ReplicaTable table, List<string> also, WorkspaceSql sql)
    {
        var owned = table != kind.Table;
        string Source(string column) =>
            table.Columns.Any(c => c.Name == column) ? $"t.{Quote(column)}"
            : owned && kind.Table.Columns.Any(c => c.Name == column) ? $"o.{Quote(column)}"
            : "NULL";
        var record = owned ? $"t.{Quote(table.OwnerColumn(kind.Table))}" : $"t.{Quote(table.KeyColumn)}";
        var join = owned ? $" JOIN {Quote(kind.Table.Name)} o ON o.{Quote(kind.Table.KeyColumn)} = {record} AND o.{ReplicaColumns.DeletedAt} IS NULL" : "";
        var status = kind.StatusColumn is { } s ? Source(s) : "NULL";
        return $"WITH m AS MATERIALIZED ({sql.NewestMatches(table)}) " +
               $"SELECT {record}, {Source(kind.NumberColumn)}, {Source(kind.DescriptionColumn)}, {Source(WorkspaceKind.SiteColumn)}, {status}" +
               string.Concat(also.Select(c => $", t.{Quote(c)}")) +
               $" FROM m JOIN {Quote(table.Name)} t ON t.{Quote(table.KeyColumn)} = m.id{join}";
    }

    /// <summary>Ranks the rows <paramref name="statement"/> reads for <paramref name="match"/>; false when there were more than <paramref name="window"/>.</summary>
    private static bool Rank(DbConnection connection, DbTransaction snapshot, string statement, List<string> also, object match, int window,
        SearchText text, Dictionary<long, Candidate> best)
    {
        using var command = ReplicaCommands.Create(connection, snapshot, statement, ("@match", match), ("@window", window + 1));
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            var id = reader.GetInt64(0);
            var number = Text(reader, 1);
            var description = Text(reader, 2);
            var values = new (string Name, string? Value)[also.Count];
            var score = NumberWeight * text.Weigh(number) + text.Weigh(description);
            for (var i = 0; i < also.Count; i++)
            {
                values[i] = (also[i], Text(reader, 5 + i));
                score += text.Weigh(values[i].Value);
            }

            if (!best.TryGetValue(id, out var seen) || seen.Score < score)
            {
                best[id] = new Candidate(id, number, description, Text(reader, 3), Text(reader, 4), values, score);
            }
        }

        return rows <= window;
    }

    /// <summary>How many of the newest matches in numbers alone are ranked when a table has more matches than the window.</summary>
    private const int NumberWindow = MaxLimit;

    /// <summary>A number match weighs this many times a match elsewhere.</summary>
    private const double NumberWeight = 4.0;

    /// <summary>A matched record's values as read; marked up only if it is among the hits shown.</summary>
    private sealed record Candidate(long Record, string? Number, string? Description, string? Site, string? Status,
        IReadOnlyList<(string Name, string? Value)> Also, double Score)
    {
        public SearchHit ToHit(WorkspaceKind kind, SearchText text) =>
            new(kind.Slug, Record, text.Highlight(Number), text.Highlight(Description),
                [.. Also.Where(a => text.Matches(a.Value)).Select(a => new MatchedField(a.Name, text.Highlight(a.Value)))],
                Site, Status, Math.Round(Score, 4));
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal).ToString();
}
