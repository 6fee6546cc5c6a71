using System.Data.Common;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Workspace.RowValues;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// Reads the positions (sort value, unique id) of one list's rows in order, within one read snapshot.
/// A list is read in segments, one per site (and, with deleted rows, one per site over them), each an
/// index search in sort order that stops after the page (see <see cref="WorkspaceIndexes"/>); the
/// segments' heads are merged. Within a segment, rows whose sort value is null come first (last when
/// descending), read by id, so that a keyset position is always a range of an index.
/// </summary>
internal sealed class ListReader(DbConnection connection, DbTransaction snapshot, WorkspaceSql sql, ListQuery query, Action<DbCommand>? trace,
    int commonMatches = ListReader.CommonMatches)
{
    /// <summary>
    /// Words that match at least this many rows of the table are common: a list filtered by them walks
    /// its sort index and keeps the rows among the matches, instead of reading every match.
    /// </summary>
    public const int CommonMatches = 2000;

    private bool? _common;
    private readonly WorkspaceSql _sql = sql;
    private readonly ReplicaTable _table = query.Kind.Table;
    private readonly string _key = "t." + Quote(query.Kind.Table.KeyColumn);
    private readonly string _sort = "t." + Quote(query.Sort.Column);
    private List<Segment>? _segments;

    private sealed record Segment(bool Live, string? Site);

    /// <summary>The next <paramref name="limit"/> positions after <paramref name="after"/>, and the cursor of the page after them.</summary>
    public (List<ListCursor> Rows, ListCursor? Next) ReadPage(ListCursor? after, int limit)
    {
        if (query.Text is { IsEmpty: true })
        {
            return ([], null);
        }

        var candidates = new List<ListCursor>();
        foreach (var segment in Segments())
        {
            candidates.AddRange(Read(segment, after, limit + 1));
        }

        candidates.Sort(Compare);
        var more = candidates.Count > limit;
        var rows = candidates.Take(limit).ToList();
        return (rows, more ? rows[^1] : null);
    }

    /// <summary>
    /// Rows the list has, counted up to <paramref name="cap"/>. A list by words counts its matches, read
    /// by id through the full-text index whatever their number: then the cost is the cap's (the caller
    /// caps it as search does), where walking the count index would cost every match (see <see cref="Common"/>).
    /// </summary>
    public (long Count, bool Exact) Count(int cap)
    {
        if (query.Text is { IsEmpty: true })
        {
            return (0, true);
        }

        long total = 0;
        foreach (var segment in Segments())
        {
            var (where, parameters) = Filters(segment, common: false);
            var from = From(segment, WorkspaceIndexes.CountIndex(query.Kind, segment.Live), common: false);
            using var command = Command($"SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {where} LIMIT @cap) c", [.. parameters, ("@cap", cap + 1)]);
            total += (long)command.ExecuteScalar()!;
        }

        return (Math.Min(total, cap), total <= cap); // a segment reads one past the cap: exactly the cap is exact
    }

    private List<Segment> Segments()
    {
        if (_segments is not null)
        {
            return _segments;
        }

        var liveness = query.IncludeDeleted ? new[] { true, false } : [true];
        _segments = [];
        foreach (var live in liveness)
        {
            var sites = !query.Kind.SiteScoped ? [null] : query.Site is { } site ? [site] : Sites(live);
            _segments.AddRange(sites.Select(s => new Segment(live, s)));
        }

        return _segments;
    }

    /// <summary>The sites the table has rows of, each found by one index search (a few per replica).</summary>
    private List<string?> Sites(bool live)
    {
        var sites = new List<string?>();
        var filter = $"t.{ReplicaColumns.DeletedAt} IS {(live ? "" : "NOT ")}NULL";
        var site = "t." + WorkspaceKind.SiteColumn;
        var table = _sql.ListSource(_table, WorkspaceIndexes.CountIndex(query.Kind, live), byWords: false);
        using (var nulls = Command($"SELECT 1 FROM {table} WHERE {filter} AND {site} IS NULL LIMIT 1", []))
        {
            if (nulls.ExecuteScalar() is not null)
            {
                sites.Add(null);
            }
        }

        string? last = "";
        while (true)
        {
            using var next = Command($"SELECT {site} FROM {table} WHERE {filter} AND {site} > @last ORDER BY {site} LIMIT 1", [("@last", last)]);
            if ((last = next.ExecuteScalar() as string) is null)
            {
                return sites;
            }

            sites.Add(last);
        }
    }

    /// <summary>
    /// The table as <c>t</c>, read through <paramref name="index"/>: each statement names the index it
    /// is written for (see <see cref="WorkspaceIndexes"/>), so that a page comes from its sort index in
    /// order, the filters tested on the rows as they come, and stops after the page; and a count reads
    /// its index alone. A list filtered by words instead reads the rows that match them through the
    /// full-text index first (the join's order fixed: FTS5 first), by unique id, then sorts those: its
    /// cost is the number of matches, where walking the sort index to test each row would cost the table.
    /// </summary>
    /// <remarks>
    /// Words that match many rows (<see cref="CommonMatches"/> or more) would make that cost the
    /// table's again: then (<paramref name="common"/>) a page walks its sort index as an unfiltered one
    /// does, keeping the rows whose unique id is among the matches (the matching ids read once per
    /// statement, without their rows). A count never does: it reads matches up to its cap (see <see cref="Count"/>).
    /// </remarks>
    /// <remarks>
    /// On PostgreSQL the statements name no index: its planner chooses among the same indexes (see
    /// <see cref="WorkspaceSql"/>), and between the GIN index and the sort index for words by their statistics.
    /// </remarks>
    private string From(Segment segment, string index, bool common) =>
        _sql.ListSource(_table, index, byWords: query.Text is not null && !common && segment.Live);

    /// <summary>True when the list's words match <see cref="CommonMatches"/> rows or more (counted once, up to that).</summary>
    private bool Common => _common ??= query.Text is { } text && _sql.ChoosesByMatchCount && CountMatches(text) >= commonMatches;

    private long CountMatches(SearchText text)
    {
        using var command = Command(_sql.MatchCount(_table), [("@match", _sql.Match(text)), ("@common", commonMatches)]);
        return (long)command.ExecuteScalar()!;
    }

    private (string Where, List<(string, object?)> Parameters) Filters(Segment segment, bool common)
    {
        var where = new List<string> { $"t.{ReplicaColumns.DeletedAt} IS {(segment.Live ? "" : "NOT ")}NULL" };
        var parameters = new List<(string, object?)>();
        if (query.Kind.SiteScoped)
        {
            // Not "IS @site": PostgreSQL reads IS NOT DISTINCT FROM through no index.
            where.Add($"t.{WorkspaceKind.SiteColumn} {(segment.Site is null ? "IS NULL" : "= @site")}");
            if (segment.Site is not null)
            {
                parameters.Add(("@site", segment.Site));
            }
        }

        if (query.Kind.StatusColumn is { } status && query.Status is not null)
        {
            where.Add($"t.{Quote(status)} = @status");
            parameters.Add(("@status", query.Status));
        }
        else if (query.OpenOnly)
        {
            var closed = query.Kind.ClosedStatuses.Select((s, i) => ($"@closed{i}", (object?)s)).ToList();
            var column = "t." + Quote(query.Kind.StatusColumn!);
            where.Add($"({column} IS NULL OR {column} NOT IN ({string.Join(", ", closed.Select(c => c.Item1))}))");
            parameters.AddRange(closed);
        }

        if (query.Text is { } text && segment.Live)
        {
            where.Add(_sql.WordFilter(_table, common));
            parameters.Add(("@match", _sql.Match(text)));
        }
        else if (query.Text is { } words)
        {
            // The full-text index holds live rows only: soft-deleted ones (few) are tested one by one.
            where.Add(_sql.RowWordFilter(_table));
            parameters.Add(("@words", _sql.Words(words)));
        }

        return (string.Join(" AND ", where), parameters);
    }

    /// <summary>Up to <paramref name="limit"/> positions of one segment after <paramref name="after"/>, in order.</summary>
    private List<ListCursor> Read(Segment segment, ListCursor? after, int limit)
    {
        var descending = query.Sort.Descending;
        var rows = new List<ListCursor>();
        // Ascending, null sort values come first; descending, last. A cursor in one part skips the part before it.
        var parts = descending ? new[] { false, true } : [true, false];
        var started = after is null;
        foreach (var nullPart in parts)
        {
            var cursorHere = after is not null && (after.Value is null) == nullPart;
            if (!started && !cursorHere)
            {
                continue;
            }

            started = true;
            rows.AddRange(ReadPart(segment, nullPart, cursorHere ? after : null, limit - rows.Count));
            if (rows.Count >= limit)
            {
                break;
            }
        }

        return rows;
    }

    private List<ListCursor> ReadPart(Segment segment, bool nullPart, ListCursor? after, int limit)
    {
        var (where, parameters) = Filters(segment, Common);
        var from = From(segment, WorkspaceIndexes.SortIndex(query.Kind, query.Sort.Column, segment.Live), Common);
        var direction = query.Sort.Descending ? " DESC" : "";
        var compare = query.Sort.Descending ? "<" : ">";
        string sql;
        if (nullPart)
        {
            sql = $"SELECT {_key}, NULL FROM {from} WHERE {where} AND {_sort} IS NULL" +
                  (after is null ? "" : $" AND {_key} {compare} @afterKey") + $" ORDER BY {_key}{direction} LIMIT @limit";
        }
        else
        {
            sql = $"SELECT {_key}, {_sort} FROM {from} WHERE {where} AND {_sort} IS NOT NULL" +
                  (after is null ? "" : $" AND ({_sort}, {_key}) {compare} (@afterValue, @afterKey)") +
                  $" ORDER BY {_sort}{direction}, {_key}{direction} LIMIT @limit";
        }

        if (after is not null)
        {
            parameters.Add(("@afterKey", after.Key));
            if (!nullPart)
            {
                parameters.Add(("@afterValue", _sql.SortParameter(after.Value, ListQuery.ColumnKindOf(query.Kind, query.Sort.Column))));
            }
        }

        parameters.Add(("@limit", limit));
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<ListCursor>();
        while (reader.Read())
        {
            rows.Add(new ListCursor(reader.IsDBNull(1) ? null : _sql.CursorValue(reader.GetValue(1)), reader.GetInt64(0)));
        }

        return rows;
    }

    /// <summary>SQLite's order: nulls, then numbers, then text (binary), then the unique id; reversed when descending.</summary>
    private int Compare(ListCursor a, ListCursor b)
    {
        var order = CompareValues(a.Value, b.Value);
        order = order != 0 ? order : a.Key.CompareTo(b.Key);
        return query.Sort.Descending ? -order : order;
    }

    internal static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (string, _) => 1,
        (_, string) => -1,
        _ => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private DbCommand Command(string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = ReplicaCommands.Create(connection, snapshot, sql, [.. parameters]);
        trace?.Invoke(command);
        return command;
    }
}
