using System.Globalization;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;
using MaximoOffline.Emulator.Query;
using Microsoft.AspNetCore.Http;

namespace MaximoOffline.Emulator.Api;

// GET {root}/os/{os} and GET {root}/os/{os}/{restid}.
internal static class ObjectStructureApi
{
    public static async Task CollectionAsync(HttpContext context, EmulatorState state, string root, string os)
    {
        var variations = state.Variations;
        var data = state.Data;
        var store = Resolve(state, data, os);
        if (store is null)
        {
            await NotFoundAsync(context, $"BMXAA8727E - The object structure {os.ToUpperInvariant()} was not found.");
            return;
        }
        CollectionQuery query;
        PageResult? page;
        try
        {
            query = CollectionQuery.Parse(context.Request.Query, variations);
            SelectionCheck.Check(store, query.Select, variations.UnknownChild);
            data.Gate.EnterReadLock();
            try
            {
                page = query.StableId is not null || query.StablePaging && !query.CountOnly
                    ? StablePage(state, data, store, query, variations)
                    : QueryExecutor.Execute(store, query, variations);
            }
            finally
            {
                data.Gate.ExitReadLock();
            }
        }
        catch (QueryError error)
        {
            await ErrorBody.WriteAsync(context, error.Status, error.ReasonCode, error.Message);
            return;
        }
        if (page is null)
        {
            await NotFoundAsync(context, $"BMXAA8727E - The stable paging set {query.StableId} has expired or page {query.PageNo} was already served.");
            return;
        }
        if (page.MaxRowstamp is { } maxRowstamp)
        {
            context.Response.Headers["maxrowstamp"] = RowstampText.Format(maxRowstamp, variations.RowstampFormat);
        }
        if (query.CountOnly)
        {
            await CollectionBody.WriteObjectAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("totalCount", page.TotalCount ?? 0);
                w.WriteEndObject();
            });
            return;
        }
        if (!await Gateway.ServeAsync(context, state, variations, store, page, query))
        {
            return;
        }
        var href = $"{CollectionBody.RootHref(context.Request, root, query.Style.RelativeUri)}/os/{store.Structure.Href}";
        await CollectionBody.WriteAsync(context, page, query, href, store, context.RequestAborted);
    }

    // stablepaging=1 keeps the matching records on the first request; stableId pages through them.
    // Null when the set has expired or the page was served already.
    private static PageResult? StablePage(EmulatorState state, Dataset data, OsStore store, CollectionQuery query, Variations variations)
    {
        var idle = state.Options.StablePagingIdleTimeout;
        StableSet? set;
        if (query.StableId is { } id)
        {
            set = state.StablePages.Take(id, data, store.Structure.Name, query.PageNo, idle);
            if (set is null)
            {
                return null;
            }
        }
        else
        {
            var (indexes, max) = QueryExecutor.Match(store, query, variations);
            set = state.StablePages.Open(data, store.Structure.Name, indexes, query.PageSize, max, query.PageNo, idle);
        }
        var page = set.Page(query.PageNo).Where(store.IsLive).ToList();
        var selection = query.Select ?? new Selection();
        var hasNext = !set.IsFinished(query.PageNo);
        return new PageResult(
            page.ConvertAll(i => store.Snapshot(i, selection)),
            query.CollectionCount ? set.Indexes.Length : null,
            hasNext,
            QueryExecutor.MaxRowstamp(store, query, variations, page, set.MaxRowstamp),
            hasNext ? set.Id : null);
    }

    public static async Task MemberAsync(HttpContext context, EmulatorState state, string root, string os, string restId)
    {
        var data = state.Data;
        var store = Resolve(state, data, os);
        if (store is null)
        {
            await NotFoundAsync(context, $"BMXAA8727E - The object structure {os.ToUpperInvariant()} was not found.");
            return;
        }
        Selection selection;
        try
        {
            selection = SelectParser.Parse(context.Request.Query["oslc.select"]) ?? Selection.Star;
            SelectionCheck.Check(store, selection, state.Variations.UnknownChild);
        }
        catch (QueryError error)
        {
            await ErrorBody.WriteAsync(context, error.Status, error.ReasonCode, error.Message);
            return;
        }
        PageMember? member = null;
        data.Gate.EnterReadLock();
        try
        {
            var index = Find(store, restId);
            if (index >= 0)
            {
                member = store.Snapshot(index, selection);
            }
        }
        finally
        {
            data.Gate.ExitReadLock();
        }
        if (member is null)
        {
            await NotFoundAsync(context, $"BMXAA8727E - The {store.Structure.MainTable.ToUpperInvariant()} record {restId} was not found.");
            return;
        }
        var style = ResponseStyle.From(context.Request.Query, state.Variations.RowstampFormat);
        var href = $"{CollectionBody.RootHref(context.Request, root, style.RelativeUri)}/os/{store.Structure.Href}/{member.RestId}";
        await CollectionBody.WriteMemberAsync(context, member, href, store, selection, style);
    }

    public static Task NotFoundAsync(HttpContext context, string message) =>
        ErrorBody.WriteAsync(context, 404, "BMXAA8727E", message);

    // Resolved from the dataset whose gate the request holds, even if a reset swaps it meanwhile.
    private static OsStore? Resolve(EmulatorState state, Dataset data, string os) =>
        string.Equals(os, ObjectStructures.ApiKey.Name, StringComparison.OrdinalIgnoreCase) ? state.Keys.AsStore() : data.Find(os);

    // By natural key when the rest id decodes to one; otherwise by comparing rest ids.
    private static int Find(OsStore store, string restId)
    {
        var keys = store.Structure.NaturalKey;
        var accessors = keys.Select(store.Accessor).ToArray();
        var readings = RestId.Decode(restId).Where(v => v.Length == keys.Count && keys.Count > 0).ToList();
        if (readings.Count > 0 && accessors.All(a => a is not null))
        {
            for (var i = 0; i < store.IndexCount; i++)
            {
                foreach (var values in readings)
                {
                    if (Matches(accessors!, values, i) && store.IsLive(i))
                    {
                        return i;
                    }
                }
            }
            return -1;
        }
        for (var i = 0; i < store.IndexCount; i++)
        {
            if (store.IsLive(i) && store.RestIdAt(i) == restId)
            {
                return i;
            }
        }
        return -1;
    }

    private static bool Matches(Func<int, object?>[] accessors, string[] values, int index)
    {
        for (var k = 0; k < accessors.Length; k++)
        {
            if (Convert.ToString(accessors[k](index), CultureInfo.InvariantCulture) != values[k])
            {
                return false;
            }
        }
        return true;
    }
}
