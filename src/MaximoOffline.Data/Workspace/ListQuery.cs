using System.Text.RegularExpressions;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>A list's order: one of the kind's sort columns, ascending or descending (<c>-targstartdate</c>), then the unique id.</summary>
public sealed record ListSort(string Column, bool Descending)
{
    public override string ToString() => (Descending ? "-" : "") + Column;
}

/// <summary>
/// One page of a list as asked for, checked: every parameter is validated here, and a bad one is a
/// <see cref="WorkspaceRequestException"/> that names it and says what is accepted.
/// </summary>
public sealed partial record ListQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public required WorkspaceKind Kind { get; init; }

    /// <summary>Words the rows must match (search everywhere's index), or null.</summary>
    public SearchText? Text { get; init; }

    public string? Site { get; init; }

    public string? Status { get; init; }

    /// <summary>Work orders: only those not in one of Maximo's closed statuses.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Soft-deleted rows too (shown struck through).</summary>
    public bool IncludeDeleted { get; init; }

    public required ListSort Sort { get; init; }

    public ListCursor? After { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The parameters as a list's URL carries them (the API's and the page's).</summary>
    /// <param name="open">Work orders: true (the default without a status) hides closed ones; false shows all.</param>
    public static ListQuery Parse(WorkspaceKind kind, string? q = null, string? site = null, string? status = null, bool? open = null,
        string? sort = null, string? after = null, int? limit = null, bool? deleted = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        site = Blank(site)?.ToUpperInvariant();
        status = Blank(status)?.ToUpperInvariant();
        if (site is not null && (!kind.SiteScoped || !SitePattern().IsMatch(site)))
        {
            throw WorkspaceRequestException.BadParameter("site", kind.SiteScoped
                ? $"'{site}' is not a Maximo site id (letters, digits, _ and -, at most 8)."
                : $"{kind.Title.ToLowerInvariant()} have no site.");
        }

        if (status is not null && (kind.StatusColumn is null || status.Length > 32 || status.Any(char.IsControl)))
        {
            throw WorkspaceRequestException.BadParameter("status", kind.StatusColumn is null
                ? $"{kind.Title.ToLowerInvariant()} have no status."
                : "a status is at most 32 characters, without control characters.");
        }

        if (open == true && !kind.HasOpenFilter)
        {
            throw WorkspaceRequestException.BadParameter("open", $"{kind.Title.ToLowerInvariant()} have no open and closed statuses.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw WorkspaceRequestException.BadParameter("limit", $"{limit} is out of range: 1 to {MaxLimit}.");
        }

        var order = ParseSort(kind, Blank(sort));
        var text = Blank(q) is { } words ? SearchText.Parse(words) : null;
        return new ListQuery
        {
            Kind = kind,
            Text = text,
            Site = site,
            Status = status,
            OpenOnly = kind.HasOpenFilter && status is null && open != false,
            IncludeDeleted = deleted == true,
            Sort = order,
            After = Blank(after) is { } cursor ? ListCursor.Decode(cursor, order, ColumnKindOf(kind, order.Column)) : null,
            Limit = limit ?? DefaultLimit,
        };
    }

    /// <summary>The same list from its first row (what a CSV download reads).</summary>
    public ListQuery FromStart() => this with { After = null };

    private static ListSort ParseSort(WorkspaceKind kind, string? sort)
    {
        if (sort is null)
        {
            return new ListSort(kind.Sorts[0], Descending: false);
        }

        var descending = sort.StartsWith('-');
        var column = sort.TrimStart('-', '+');
        if (!kind.Sorts.Contains(column, StringComparer.Ordinal))
        {
            throw WorkspaceRequestException.BadParameter("sort",
                $"{kind.Title.ToLowerInvariant()} sort by {string.Join(", ", kind.Sorts)} (a - in front for descending), not '{Shorten(sort)}'.");
        }

        return new ListSort(column, descending);
    }

    internal static ColumnKind ColumnKindOf(WorkspaceKind kind, string column) => kind.Table.Columns.Single(c => c.Name == column).Kind;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A value as an error message quotes it: at most 40 characters.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Z0-9_-]{1,8}$")]
    private static partial Regex SitePattern();
}
