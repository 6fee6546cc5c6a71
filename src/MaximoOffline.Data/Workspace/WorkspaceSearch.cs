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
/// so (the count is then "1,000 or more") and its best hits are the best of the newest thousand: the
/// cost of a search is bounded by the window, not by the size of the replica. (FTS5's bm25 was not used:
/// it reads every row that has a term to weigh the term, so its cost grew with the replica.)
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
        var groups = new List<SearchGroup>();
        foreach (var group in only is null ? WorkspaceKinds.All : [only])
        {
            var hits = new List<SearchHit>();
            var records = new HashSet<long>();
            var exact = true;
            foreach (var table in SearchIndex.Tables.Where(t => WorkspaceKinds.OfSearchTable(t) == group))
            {
                var (tableHits, tableRecords, whole) = SearchTable(connection, snapshot, WorkspaceSql.For(database), group, table, text, hitsPerKind);
                hits.AddRange(tableHits);
                records.UnionWith(tableRecords);
                exact &= whole;
            }

            if (records.Count > 0)
            {
                // A record found in two of its tables (a domain by two of its values) is one hit, its best.
                var best = hits.GroupBy(h => h.Id).Select(g => g.MaxBy(h => h.Score)!)
                    .OrderByDescending(h => h.Score).ThenByDescending(h => h.Id).Take(hitsPerKind);
                groups.Add(new SearchGroup(group.Slug, group.Title, Math.Min(records.Count, Window), exact && records.Count <= Window, [.. best]));
            }
        }

        snapshot.Commit();
        return new SearchResult(text.Text, text.Terms, groups);
    }

    /// <returns>
    /// The best hits (at most <paramref name="limit"/> records, each once), the records matched, and
    /// whether those are all of them (false when the table had more matches than the window).
    /// </returns>
    private static (List<SearchHit> Hits, HashSet<long> Records, bool Whole) SearchTable(DbConnection connection, DbTransaction snapshot, WorkspaceSql sql, WorkspaceKind kind,
        ReplicaTable table, SearchText text, int limit)
    {
        var owned = table != kind.Table;
        string Source(string column) =>
            table.Columns.Any(c => c.Name == column) ? $"t.{Quote(column)}"
            : owned && kind.Table.Columns.Any(c => c.Name == column) ? $"o.{Quote(column)}"
            : "NULL";
        var also = table.SearchColumns.Where(c => c != kind.NumberColumn && c != kind.DescriptionColumn).ToList();
        var record = owned ? $"t.{Quote(table.OwnerColumn(kind.Table))}" : $"t.{Quote(table.KeyColumn)}";
        var join = owned ? $" JOIN {Quote(kind.Table.Name)} o ON o.{Quote(kind.Table.KeyColumn)} = {record} AND o.{ReplicaColumns.DeletedAt} IS NULL" : "";
        var status = kind.StatusColumn is { } s ? Source(s) : "NULL";

        using var command = ReplicaCommands.Create(connection, snapshot,
            $"WITH m AS MATERIALIZED ({sql.NewestMatches(table)}) " +
            $"SELECT {record}, {Source(kind.NumberColumn)}, {Source(kind.DescriptionColumn)}, {Source(WorkspaceKind.SiteColumn)}, {status}" +
            string.Concat(also.Select(c => $", t.{Quote(c)}")) +
            $" FROM m JOIN {Quote(table.Name)} t ON t.{Quote(table.KeyColumn)} = m.id{join}",
            ("@match", sql.Match(text)), ("@window", Window + 1));
        using var reader = command.ExecuteReader();
        // The best `limit` records so far, the worst first (ties: the older record is the worse); a
        // child table's rows (a domain's values) may name one record several times: its best row counts.
        var best = new PriorityQueue<Candidate, (double Score, long Record)>(limit + 1);
        var records = new Dictionary<long, double>();
        long rows = 0;
        var values = new string?[also.Count];
        while (reader.Read())
        {
            rows++;
            var number = Text(reader, 1);
            var description = Text(reader, 2);
            var score = NumberWeight * text.Weigh(number) + text.Weigh(description);
            for (var i = 0; i < also.Count; i++)
            {
                values[i] = Text(reader, 5 + i);
                score += text.Weigh(values[i]);
            }

            var rank = (score, reader.GetInt64(0));
            if (records.TryGetValue(rank.Item2, out var seen) && seen >= score)
            {
                continue;
            }

            if (records.ContainsKey(rank.Item2))
            {
                Remove(best, rank.Item2);
            }

            records[rank.Item2] = score;
            var room = best.Count < limit;
            if (room || (best.TryPeek(out _, out var worst) && rank.CompareTo(worst) > 0))
            {
                var candidate = new Candidate(rank.Item2, number, description, Text(reader, 3), Text(reader, 4), [.. values], score);
                if (room)
                {
                    best.Enqueue(candidate, rank);
                }
                else
                {
                    best.EnqueueDequeue(candidate, rank);
                }
            }
        }

        var hits = new List<SearchHit>(best.Count);
        while (best.TryDequeue(out var hit, out _))
        {
            var matched = also.Select((c, i) => (c, Value: hit.Also[i])).Where(a => text.Matches(a.Value))
                .Select(a => new MatchedField(a.c, text.Highlight(a.Value))).ToList();
            hits.Add(new SearchHit(kind.Slug, hit.Record, text.Highlight(hit.Number), text.Highlight(hit.Description), matched,
                hit.Site, hit.Status, Math.Round(hit.Score, 4)));
        }

        hits.Reverse();
        return (hits, [.. records.Keys], rows <= Window);
    }

    /// <summary>Takes <paramref name="record"/>'s candidate out of <paramref name="queue"/>, if it is there (a few, rarely).</summary>
    private static void Remove(PriorityQueue<Candidate, (double Score, long Record)> queue, long record)
    {
        if (queue.UnorderedItems.All(i => i.Element.Record != record))
        {
            return;
        }

        var kept = queue.UnorderedItems.Where(i => i.Element.Record != record).ToList();
        queue.Clear();
        queue.EnqueueRange(kept);
    }

    /// <summary>A number match weighs this many times a match elsewhere.</summary>
    private const double NumberWeight = 4.0;

    private sealed record Candidate(long Record, string? Number, string? Description, string? Site, string? Status, string?[] Also, double Score);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal).ToString();
}
