using System.Globalization;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MaximoOffline.Web.Pages.Data;

/// <summary>
/// A record's detail page (<c>/data/{kind}/{id}</c>): its typed fields, every other attribute Maximo
/// sent, its references as links (or "not in the replica"), its children and the records that name it.
/// </summary>
public sealed class RecordModel(WorkspaceRecords records, Freshness freshness) : PageModel
{
    public WorkspaceKind Kind { get; private set; } = WorkspaceKinds.Assets;

    public RecordView? Record { get; private set; }

    public PageProblem? Problem { get; private set; }

    public FreshnessView? Fresh { get; private set; }

    public async Task OnGetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            Kind = DataApi.Kind(kind);
        }
        catch (WorkspaceRequestException e)
        {
            Refuse(PageProblem.Of(e, "Not found", "/data", "Search everywhere"));
            return;
        }

        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) || records.Find(Kind, key) is not { } record)
        {
            Refuse(new PageProblem(StatusCodes.Status404NotFound, "Not found",
                $"The replica has no {Kind.Singular} with the id '{ListQuery.Shorten(id)}'. It may not have been synced yet.", $"/data/{Kind.Slug}", $"All {DataHtml.Plural(Kind)}"));
            return;
        }

        Record = record;
        Fresh = await freshness.OfAsync(Kind, cancellationToken);
    }

    /// <summary>The status field with Maximo's description of it, when the kind has one.</summary>
    public FieldValue? StatusField => Kind.StatusColumn is { } status ? Record?.Fields.FirstOrDefault(f => f.Name == status) : null;

    /// <summary>The child list's definition (for the cells that link to another kind's record).</summary>
    public ChildList? ChildListOf(ChildRows rows) => Kind.Children.FirstOrDefault(c => c.Title == rows.Title);

    /// <summary>The link a child cell makes, when its column is the first of one of the list's links.</summary>
    public static ReferenceLink? CellLink(ChildList? list, ChildRow row, string column) =>
        list?.Links.FirstOrDefault(l => l.Columns[0] == column) is { } reference ? row.Links.FirstOrDefault(l => l.Label == reference.Label) : null;

    private void Refuse(PageProblem problem)
    {
        Response.StatusCode = problem.Status;
        Problem = problem;
    }
}
