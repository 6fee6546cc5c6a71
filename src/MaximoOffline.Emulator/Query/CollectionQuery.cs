using System.Globalization;
using MaximoOffline.Emulator.Data;
using Microsoft.AspNetCore.Http;

namespace MaximoOffline.Emulator.Query;

// The query parameters of a collection GET, parsed and checked as Maximo checks them.
internal sealed record CollectionQuery(
    Selection? Select,
    IReadOnlyList<WhereTerm> Where,
    IReadOnlyList<OrderKey> OrderBy,
    int PageSize,
    int PageNo,
    bool CollectionCount,
    bool CountOnly,
    long? LastFetchTs,
    string? SavedQuery,
    ResponseStyle Style,
    bool StablePaging = false,
    string? StableId = null)
{
    public static CollectionQuery Parse(IQueryCollection query, Variations variations)
    {
        var maxPageSize = variations.MaxPageSize;
        var pageSize = maxPageSize;
        if (query["oslc.pageSize"].ToString() is { Length: > 0 } size)
        {
            if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1)
            {
                throw new QueryError(400, "BMXAA8744E", $"BMXAA8744E - The oslc.pageSize value '{size}' is not valid.");
            }
            if (pageSize > maxPageSize)
            {
                throw new QueryError(400, "BMXAA8744E",
                    $"BMXAA8744E - The requested page size {pageSize} exceeds the maximum page size {maxPageSize} set by mxe.oslc.maxpagesize.");
            }
        }
        var pageNo = 1;
        if (query["pageno"].ToString() is { Length: > 0 } page &&
            (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNo) || pageNo < 1))
        {
            throw new QueryError(400, "BMXAA8744E", $"BMXAA8744E - The pageno value '{page}' is not valid.");
        }
        long? lastFetch = null;
        if (query["fetchmodedelta"] == "1")
        {
            var ts = query["lastfetchts"].ToString();
            lastFetch = long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        }
        return new CollectionQuery(
            SelectParser.Parse(query["oslc.select"]),
            WhereParser.Parse(query["oslc.where"]),
            OrderByParser.Parse(query["oslc.orderBy"]),
            pageSize,
            pageNo,
            query["collectioncount"] == "1",
            query["count"] == "1",
            lastFetch,
            query["savedQuery"].ToString() is { Length: > 0 } saved ? saved : null,
            ResponseStyle.From(query, variations.RowstampFormat),
            query["stablepaging"] == "1",
            query["stableId"].ToString() is { Length: > 0 } stableId ? stableId : null);
    }
}

// How to write the body: lean or namespaced (lean=0 is Maximo's default), nulls, collection links,
// the rowstamp form.
internal sealed record ResponseStyle(bool Lean, bool DropNulls, CollectionRefs CollectionRefs, bool RelativeUri, RowstampFormat RowstampFormat)
{
    public static ResponseStyle From(IQueryCollection query, RowstampFormat rowstampFormat) => new(
        query["lean"] == "1",
        query["_dropnulls"] != "0",
        query["ignorecollectionref"].ToString() switch
        {
            "1" => CollectionRefs.Never,
            "0" => CollectionRefs.Always,
            _ => CollectionRefs.Default,
        },
        query["relativeuri"] == "1",
        rowstampFormat);
}

// Which children get a {child}_collectionref link. Never: ignorecollectionref=1. Always
// (ignorecollectionref=0 asked for): every child but doclinks, inline or not. Default: the same,
// except that oslc.select=* gives none: the real responses to * without the parameter have no
// links, the one that asked ignorecollectionref=0 has them beside its inline children, and IBM's
// guide shows them beside named inline children.
internal enum CollectionRefs
{
    Default,
    Always,
    Never,
}
