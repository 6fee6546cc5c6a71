using MaximoOffline.Data.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MaximoOffline.Web.Pages.Data;

/// <summary>
/// Search everywhere (<c>/data?q=</c>): the replica's matches grouped by kind, the matched words
/// marked. Without a query it introduces the workspace and links to the six lists with their counts.
/// </summary>
public sealed class IndexModel(WorkspaceSearch search, WorkspaceLists lists, Freshness freshness) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public SearchResult? Result { get; private set; }

    public PageProblem? Problem { get; private set; }

    /// <summary>Each kind's freshness, in the workspace's order.</summary>
    public IReadOnlyList<FreshnessView> Fresh { get; private set; } = [];

    /// <summary>Without a query: each kind's default list count (capped, read through its index).</summary>
    public IReadOnlyList<(WorkspaceKind Kind, ListPage Page)> Lists { get; private set; } = [];

    public bool HasQuery => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Fresh = await freshness.OfAsync(WorkspaceKinds.All, cancellationToken);
        if (!HasQuery)
        {
            Lists = [.. WorkspaceKinds.All.Select(k => (k, lists.Page(ListQuery.Parse(k, limit: 1))))];
            return;
        }

        try
        {
            Result = search.Search(Q, Kind);
        }
        catch (WorkspaceRequestException e)
        {
            Problem = PageProblem.Of(e, "This search cannot be run", "/data", "Start a new search");
            Response.StatusCode = Problem.Status;
        }
    }

    public FreshnessView FreshnessOf(string kind) => Fresh.First(f => f.Kind.Slug == kind);
}
