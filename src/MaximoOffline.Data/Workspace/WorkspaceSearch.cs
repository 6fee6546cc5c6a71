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
/// ranked among those (SQLite: bm25; PostgreSQL: ts_rank; see <see cref="WorkspaceSql"/>), the record's number weighing most. A search that matches more than the
/// window says so (the count is then "1,000 or more") and its best hits are the best of the newest
/// thousand: the cost of a search is bounded by the window, not by the size of the replica.
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
            long count = 0;
            var exact = true;
            foreach (var table in SearchIndex.Tables.Where(t => WorkspaceKinds.OfSearchTable(t) == group))
            {
                var (tableHits, tableCount) = SearchTable(connection, snapshot, WorkspaceSql.For(database), group, table, text, hitsPerKind);
                hits.AddRange(tableHits);
                count += Math.Min(tableCount, Window);
                exact &= tableCount <= Window;
            }

            if (count > 0)
            {
                groups.Add(new SearchGroup(group.Slug, group.Title, count, exact, [.. hits.OrderByDescending(h => h.Score).Take(hitsPerKind)]));
            }
        }

        snapshot.Commit();
        return new SearchResult(text.Text, text.Terms, groups);
    }

    private static (List<SearchHit> Hits, long Count) SearchTable(DbConnection connection, DbTransaction snapshot, WorkspaceSql sql, WorkspaceKind kind,
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
            $"WITH m AS MATERIALIZED ({sql.NewestMatches(table)}), " +
            $"hits AS (SELECT {record} AS record, {Source(kind.NumberColumn)} AS number, {Source(kind.DescriptionColumn)} AS description, " +
            $"{Source(WorkspaceKind.SiteColumn)} AS site, {status} AS status, m.score AS score" +
            string.Concat(also.Select(c => $", t.{Quote(c)}")) +
            $" FROM m JOIN {Quote(table.Name)} t ON t.{Quote(table.KeyColumn)} = m.id{join}) " +
            "SELECT *, (SELECT COUNT(*) FROM hits) FROM hits ORDER BY score DESC, record DESC LIMIT @limit",
            ("@match", sql.Match(text)), ("@window", Window + 1), ("@limit", limit));
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        long count = 0;
        while (reader.Read())
        {
            var matched = also.Select((c, i) => (c, Value: reader.IsDBNull(6 + i) ? null : reader.GetValue(6 + i)?.ToString()))
                .Where(a => text.Matches(a.Value)).Select(a => new MatchedField(a.c, text.Highlight(a.Value))).ToList();
            hits.Add(new SearchHit(kind.Slug, reader.GetInt64(0), text.Highlight(Text(reader, 1)), text.Highlight(Text(reader, 2)), matched,
                Text(reader, 3), Text(reader, 4), Math.Round(reader.GetDouble(5), 4)));
            count = reader.GetInt64(6 + also.Count);
        }

        return (hits, count);
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal).ToString();
}
