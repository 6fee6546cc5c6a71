using MaximoOffline.Data.Workspace;
using MaximoOffline.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MaximoOffline.Web.Pages.Data;

/// <summary>
/// A kind's list (<c>/data/{kind}</c>): filtered by site, status, words and (work orders) open or all,
/// sorted by a column, a page at a time by keyset (<c>after</c>), with its count and a CSV download of
/// the same filter. A bad parameter is explained on the page (400), never a server error.
/// </summary>
public sealed class ListModel(WorkspaceLists lists, Freshness freshness) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Deleted { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>Rows per page (the API's parameter too); the default suits a screen.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Limit { get; set; }

    public WorkspaceKind Kind { get; private set; } = WorkspaceKinds.Assets;

    public ListPage? Rows { get; private set; }

    public ListQuery? Query { get; private set; }

    public PageProblem? Problem { get; private set; }

    public FreshnessView? Fresh { get; private set; }

    public async Task OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        try
        {
            Kind = DataApi.Kind(kind);
        }
        catch (WorkspaceRequestException e)
        {
            Refuse(PageProblem.Of(e, "No such list", "/data", "Search everywhere"));
            return;
        }

        Fresh = await freshness.OfAsync(Kind, cancellationToken);
        try
        {
            // Read as the data API reads them: the page and its CSV accept and refuse the same parameters.
            Query = new DataApi.ListParameters(Q, Site, Status, Open, Sort, After, Limit, Deleted).ToQuery(Kind.Slug);
            Rows = lists.Page(Query);
        }
        catch (WorkspaceRequestException e)
        {
            Refuse(PageProblem.Of(e, $"This list of {Kind.Title.ToLowerInvariant()} cannot be shown", $"/data/{Kind.Slug}", $"All {DataHtml.Plural(Kind)}"));
        }
    }

    private void Refuse(PageProblem problem)
    {
        Response.StatusCode = problem.Status;
        Problem = problem;
    }

    /// <summary>The list's filters as URL parameters (with the sort unless replaced); no <c>after</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Filters(string? sort = null) =>
    [
        new("q", Q), new("site", Site), new("status", Status),
        new("open", Open), new("deleted", Deleted), new("sort", sort ?? Sort),
    ];

    /// <summary>A page of the list: its filters, the page size when one was asked for, and where it starts.</summary>
    private IEnumerable<KeyValuePair<string, string?>> Paged(string? after) =>
        [.. Filters(), new("limit", Limit), new("after", after)];

    public string PageUrl(string? after) => DataHtml.Url($"/data/{Kind.Slug}", Paged(after));

    /// <summary>The CSV of every row of this filter (the data API's export, same parameters as the list).</summary>
    public string CsvUrl => DataHtml.Url($"/api/data/{Kind.Slug}.csv", Filters());

    /// <summary>A column header's link: sorts by it ascending, or descending when it is already the ascending sort.</summary>
    public string SortUrl(string column) =>
        DataHtml.Url($"/data/{Kind.Slug}", Filters(Query?.Sort is { Descending: false } s && s.Column == column ? "-" + column : column));
}
