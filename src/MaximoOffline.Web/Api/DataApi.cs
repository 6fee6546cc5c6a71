using System.Globalization;
using MaximoOffline.Data.Workspace;
using Microsoft.AspNetCore.Http.HttpResults;

using MaximoOffline.Web.Security;

namespace MaximoOffline.Web.Api;

/// <summary>
/// The offline workspace's REST API: search everywhere, lists (keyset paging, a cursor in <c>next</c>),
/// a list as CSV, one record with its children and references. Reads only. A bad parameter is a 400
/// and an unknown kind or id a 404, as problem details (see <c>Problems</c>).
/// </summary>
internal static class DataApi
{
    public static WebApplication MapDataApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Data").RequireAuthorization(Policies.Viewer);

        api.MapGet("/search", Search)
            .WithSummary("Search everywhere: assets, locations, work orders, inventory, people and domains by their numbers and words.")
            .WithDescription("Every word is matched as a prefix (pump 12 finds Pump 1204), all of them required. Hits are ranked, " +
                             "grouped by kind with counts, matching words marked. kind: one of assets, locations, workorders, inventory, " +
                             "people, domains; limit: hits per kind, 1 to 100.");
        api.MapGet("/data/{kind}.csv", CsvAsync)
            .WithSummary("A list as CSV: every row its filters let through, in its order, streamed (the same parameters as the list; after and limit are ignored).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/data/{kind}", List)
            .WithSummary("A page of a list: { items, next, count }. Pass next as after for the following page.")
            .WithDescription("q: words the rows match (domains: in their values too); site; status; open (work orders: true, the default, hides closed ones); " +
                             "sort: one of the kind's sort columns, - in front for descending; limit: 1 to 500; deleted=true: soft-deleted rows too.");
        api.MapGet("/data/{kind}/{id:long}", Record)
            .WithSummary("One record by its unique id: its columns, every attribute Maximo sent, its children, and its references resolved against the replica.");
        return app;
    }

    /// <summary>The list parameters, as the list, its CSV and the workspace's pages take them.</summary>
    internal sealed record ListParameters(string? Q, string? Site, string? Status, string? Open, string? Sort, string? After, string? Limit, string? Deleted)
    {
        /// <exception cref="WorkspaceRequestException">A parameter that is not valid.</exception>
        public ListQuery ToQuery(string kind) =>
            ListQuery.Parse(Kind(kind), Q, Site, Status, Flag("open", Open), Sort, After, Number("limit", Limit), Flag("deleted", Deleted));
    }

    /// <exception cref="WorkspaceRequestException">The kind is not one of the six (404).</exception>
    internal static WorkspaceKind Kind(string kind) => WorkspaceKinds.Find(kind) ?? throw WorkspaceRequestException.UnknownKind(kind);

    private static Ok<SearchResult> Search(WorkspaceSearch search, string? q, string? kind, string? limit) =>
        TypedResults.Ok(search.Search(q, kind, Number("limit", limit)));

    private static Ok<ListPage> List(WorkspaceLists lists, string kind, [AsParameters] ListParameters parameters) =>
        TypedResults.Ok(lists.Page(parameters.ToQuery(kind)));

    private static Results<Ok<RecordView>, ProblemHttpResult> Record(WorkspaceRecords records, string kind, long id)
    {
        var found = Kind(kind);
        return records.Find(found, id) is { } record
            ? TypedResults.Ok(record)
            : TypedResults.Problem($"The replica has no {found.Singular} with unique id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown record");
    }

    private static async Task CsvAsync(HttpContext http, WorkspaceLists lists, string kind, [AsParameters] ListParameters parameters)
    {
        // Checked before the first byte: a bad parameter is still a 400 with its problem details.
        var query = parameters.ToQuery(kind).FromStart();
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{query.Kind.Slug}.csv\"";
        await ListCsv.WriteAsync(http.Response.Body, query, lists.All(query), http.RequestAborted);
    }

    private static int? Number(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw WorkspaceRequestException.BadParameter(name, $"'{ListQuery.Shorten(value)}' is not a whole number.");

    private static bool? Flag(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : bool.TryParse(value, out var flag) ? flag
        : throw WorkspaceRequestException.BadParameter(name, $"'{ListQuery.Shorten(value)}' is not true or false.");
}
