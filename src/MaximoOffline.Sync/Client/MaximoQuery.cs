using System.Globalization;
using System.Text;

namespace MaximoOffline.Sync.Client;

/// <summary>The query string of a collection request. Always lean; every value URL-encoded (an orderBy '+' becomes %2B).</summary>
public sealed record MaximoQuery
{
    public string? Select { get; init; }

    public string? Where { get; init; }

    /// <summary>Sort attributes with their direction; Maximo requires a sign on each.</summary>
    public IReadOnlyList<(string Attribute, bool Ascending)> OrderBy { get; init; } = [];

    public int? PageSize { get; init; }

    public int? PageNumber { get; init; }

    public bool CollectionCount { get; init; }

    /// <summary>Asks only for <c>{"totalCount": n}</c>.</summary>
    public bool CountOnly { get; init; }

    /// <summary>Rowstamp delta: only rows inserted or updated after this rowstamp.</summary>
    public long? DeltaSinceRowstamp { get; init; }

    public string? SavedQuery { get; init; }

    /// <summary>A server-side snapshot read forward by its <c>nextPage</c> links (<c>stablepaging=1</c>).</summary>
    public bool StablePaging { get; init; }

    public string ToQueryString()
    {
        var text = new StringBuilder("lean=1&ignorecollectionref=1");
        Add(text, "oslc.select", Select);
        Add(text, "oslc.where", Where);
        if (OrderBy.Count > 0)
        {
            Add(text, "oslc.orderBy", string.Join(",", OrderBy.Select(o => (o.Ascending ? "+" : "-") + o.Attribute)));
        }

        Add(text, "oslc.pageSize", PageSize?.ToString(CultureInfo.InvariantCulture));
        Add(text, "pageno", PageNumber?.ToString(CultureInfo.InvariantCulture));
        Add(text, "collectioncount", CollectionCount ? "1" : null);
        Add(text, "count", CountOnly ? "1" : null);
        if (DeltaSinceRowstamp is { } since)
        {
            Add(text, "fetchmodedelta", "1");
            Add(text, "lastfetchts", since.ToString(CultureInfo.InvariantCulture));
        }

        Add(text, "savedQuery", SavedQuery);
        Add(text, "stablepaging", StablePaging ? "1" : null);
        return text.ToString();
    }

    private static void Add(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
