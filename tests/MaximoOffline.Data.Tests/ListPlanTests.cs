using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Tests;

/// <summary>
/// Every statement a list runs, for every filter and sort it offers, reads a replica table through an
/// index: <c>EXPLAIN QUERY PLAN</c> shows no scan of a table without one, and no sorting after reading,
/// so a page costs its own rows, not the table's. A list filtered by words is the exception to the
/// second: it reads the matching rows through the full-text index, by unique id, and sorts those.
/// Counts read an index alone, never the rows.
/// </summary>
public sealed class ListPlanTests(WorkspaceRows rows) : IClassFixture<WorkspaceRows>
{
    public static TheoryData<string, bool> Kinds()
    {
        var kinds = new TheoryData<string, bool>();
        foreach (var kind in WorkspaceKinds.All)
        {
            kinds.Add(kind.Slug, false);
            kinds.Add(kind.Slug, true);
        }

        return kinds;
    }

    /// <param name="commonWords">Words are read as a large replica reads common ones: walking the sort index, keeping the matches.</param>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryListQueryReadsItsTableThroughAnIndexInTheListsOrder(string slug, bool commonWords)
    {
        var kind = WorkspaceKinds.Find(slug)!;
        var statements = new Dictionary<string, SqliteParameter[]>();
        var lists = new WorkspaceLists(rows.Replica.Database)
        {
            CommonMatches = commonWords ? 1 : ListReader.CommonMatches,
            Trace = command => statements.TryAdd(command.CommandText,
                [.. command.Parameters.Cast<SqliteParameter>().Select(p => new SqliteParameter(p.ParameterName, p.Value))]),
        };

        var pages = 0;
        foreach (var query in Queries(kind))
        {
            lists.Page(query);
            pages++;
        }

        var problems = new List<string>();
        foreach (var (sql, parameters) in statements)
        {
            var plan = Plan(sql, parameters);
            // Rare words (or none matching) are read through the full-text index first, then sorted; common
            // ones walk the sort index like any list, only the statement that counts their matches excepted.
            var byWords = sql.Contains(" MATCH ", StringComparison.Ordinal)
                && (sql.Contains(" m CROSS JOIN ", StringComparison.Ordinal) || sql.Contains("LIMIT @common", StringComparison.Ordinal));
            var bad = plan.Where(line => (line.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal) && !byWords)
                || ReplicaCatalog.All.Any(t => line == $"SCAN {t.Name}" || line.StartsWith($"SCAN {t.Name} ", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal)));
            // Soft-deleted rows (not in the full-text index) are read through their index to test their words.
            var deletedByWords = sql.Contains("replica_row_words(", StringComparison.Ordinal);
            var uncoveredCount = sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal) && !byWords && !deletedByWords
                && !plan.Any(line => line.Contains("USING COVERING INDEX", StringComparison.Ordinal));
            if (bad.Any() || uncoveredCount)
            {
                problems.Add($"{sql}\n  {string.Join("\n  ", plan)}");
            }
        }

        Assert.True(pages > 40, $"only {pages} list pages were asked for");
        Assert.Equal(commonWords, statements.Keys.Any(sql => sql.Contains("IN (SELECT rowid AS id FROM", StringComparison.Ordinal)));
        Assert.True(problems.Count == 0, $"{problems.Count} of {statements.Count} statements read without an index in order:\n{string.Join("\n", problems)}");
    }

    /// <summary>Every filter the kind offers, alone and together, with every sort both ways, from the start and from each kind of cursor.</summary>
    internal static IEnumerable<ListQuery> Queries(WorkspaceKind kind)
    {
        string?[] sites = kind.SiteScoped ? [null, "S1"] : [null];
        string?[] statuses = kind.StatusColumn is null ? [null] : [null, "APPR"];
        bool?[] opens = kind.HasOpenFilter ? [true, false] : [null];
        foreach (var site in sites)
        foreach (var status in statuses)
        foreach (var open in opens)
        foreach (var q in new[] { null, "a 1", "1" })
        foreach (var deleted in new[] { false, true })
        foreach (var sort in kind.Sorts.SelectMany(s => new[] { s, "-" + s }))
        {
            var query = ListQuery.Parse(kind, q, site, status, open, sort, limit: 3, deleted: deleted);
            var sample = ListQuery.ColumnKindOf(kind, query.Sort.Column) switch
            {
                ColumnKind.Integer or ColumnKind.Flag => (object)1L,
                ColumnKind.Real => 1.5,
                _ => "M",
            };
            yield return query;
            yield return query with { After = new ListCursor(null, 5) };
            yield return query with { After = new ListCursor(sample, 5) };
        }
    }

    private List<string> Plan(string sql, SqliteParameter[] parameters)
    {
        using var connection = rows.Replica.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
        }

        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }
}
