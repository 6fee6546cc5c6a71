namespace MaximoOffline.Data.Workspace;

/// <summary>
/// One page of a list. <paramref name="Next"/> is the cursor of the page after it (pass it as
/// <c>after</c>), null on the last page. <paramref name="Count"/> is exact up to
/// <see cref="WorkspaceLists.CountLimit"/>; past it <paramref name="CountIsExact"/> is false and the
/// list has at least that many rows.
/// </summary>
public sealed record ListPage(string Kind, string Sort, long Count, bool CountIsExact, IReadOnlyList<ListRow> Items, string? Next);

/// <summary>
/// A row of a list: its unique id, the list's columns (and <c>{column}_description</c> for codes
/// Maximo describes) by attribute name, and when it was soft-deleted, if it was. Dates are UTC ISO-8601.
/// </summary>
public sealed record ListRow(long Id, IReadOnlyDictionary<string, object?> Values, string? DeletedAt);

/// <summary>What a search found in one kind: the best hits, and how many there are.</summary>
/// <param name="CountIsExact">False when more than <see cref="WorkspaceSearch.Window"/> records match: then the count is that and the hits are the best of the newest.</param>
public sealed record SearchGroup(string Kind, string Title, long Count, bool CountIsExact, IReadOnlyList<SearchHit> Hits);

/// <summary>Search everywhere's answer, grouped by kind (kinds without a match left out).</summary>
public sealed record SearchResult(string Query, IReadOnlyList<string> Terms, IReadOnlyList<SearchGroup> Groups);

/// <summary>
/// A record that matched: its kind and unique id (the detail page's), its number and description with
/// the matching words marked, and any other searched attribute that matched (<c>serialnum</c>).
/// </summary>
public sealed record SearchHit(string Kind, long Id, IReadOnlyList<TextSpan> Number, IReadOnlyList<TextSpan> Description,
    IReadOnlyList<MatchedField> Also, string? Site, string? Status, double Score);

/// <summary>A searched attribute besides the number and description, and its value with the matching words marked.</summary>
public sealed record MatchedField(string Name, IReadOnlyList<TextSpan> Value);
