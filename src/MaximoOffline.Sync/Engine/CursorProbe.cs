using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Where an incremental run starts and where the next one will: the newest <c>changedate</c> in scope,
/// or the greatest rowstamp of the delta. Read before the records are, so that nothing changed while a
/// run reads is skipped by the next one; and checked rather than trusted, since servers differ in
/// whether they honour <c>oslc.orderBy</c> and in what their <c>maxrowstamp</c> header covers.
/// </summary>
internal sealed class CursorProbe(MaximoClient client, MaximoOptions maximo, SyncOptions sync)
{
    /// <summary>Records a refinement step reads: enough that a few steps reach the top of any scope.</summary>
    private const int StepSize = 1000;

    /// <summary>A bound on the steps, for a server that keeps answering with newer records than asked.</summary>
    private const int MaxSteps = 20;

    /// <summary>The scope narrowed to what changed since <paramref name="cursor"/> (changedate with an overlap, or a rowstamp delta).</summary>
    public MaximoQuery ChangedSince(EndpointDefinition endpoint, MaximoQuery scope, string cursor) => endpoint.Cursor switch
    {
        CursorKind.ChangeDate => scope with
        {
            Where = MaximoWhere.And(scope.Where, MaximoWhere.GreaterOrEqual("changedate",
                DateTimeOffset.Parse(cursor, CultureInfo.InvariantCulture) - TimeSpan.FromSeconds(sync.OverlapSeconds), maximo.DateFilterFormat)),
        },
        _ => scope with { DeltaSinceRowstamp = long.Parse(cursor, CultureInfo.InvariantCulture) },
    };

    /// <summary>The cursor the next incremental run starts from, as Maximo stands now; <paramref name="cursor"/> when nothing newer exists.</summary>
    public Task<string?> NextAsync(EndpointDefinition endpoint, MaximoQuery scope, string? cursor, CancellationToken cancellationToken) =>
        endpoint.Cursor == CursorKind.ChangeDate
            ? NewestChangeDateAsync(endpoint, scope, cursor, cancellationToken)
            : GreatestRowstampAsync(endpoint, scope, cursor, cancellationToken);

    /// <summary>
    /// The newest changedate: the newest of a page by <c>-changedate</c> (all of them, when the scope fits
    /// in one page), then, while any record is newer (a server that ignored the order), the newest of a
    /// page of those: each step leaves only what is newer than the newest of a thousand, so it ends in a
    /// step or two.
    /// </summary>
    private async Task<string?> NewestChangeDateAsync(EndpointDefinition endpoint, MaximoQuery scope, string? cursor, CancellationToken cancellationToken)
    {
        var (newest, whole) = await NewestAsync(endpoint, scope with { OrderBy = [("changedate", false)], PageSize = StepSize }, null, cancellationToken);
        for (var step = 0; newest is not null && !whole && step < MaxSteps; step++)
        {
            var newer = scope with
            {
                Where = MaximoWhere.And(scope.Where, MaximoWhere.GreaterThan("changedate", newest.Value, maximo.DateFilterFormat)),
                OrderBy = [("changedate", false)],
                PageSize = StepSize,
            };
            var (next, nextWhole) = await NewestAsync(endpoint, newer, newest, cancellationToken);
            if (next is null || next <= newest)
            {
                break;
            }

            (newest, whole) = (next, nextWhole);
        }

        return newest?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) ?? cursor;
    }

    /// <summary>
    /// The newest changedate of a page. <c>Settled</c> when it is the newest of all: the page held every
    /// record asked for, or it came newest first (the server honours the order asked for; a server that
    /// ignores it does not hand over hundreds of dates in falling order by chance). Settling early only
    /// saves requests: any date seen is at most the newest there is, so a cursor taken from one is
    /// never ahead of a change.
    /// </summary>
    private async Task<(DateTimeOffset? Newest, bool Settled)> NewestAsync(EndpointDefinition endpoint, MaximoQuery query, DateTimeOffset? above, CancellationToken cancellationToken)
    {
        var (page, size) = await LightPageAsync(endpoint, query with { Select = "changedate" }, cancellationToken);
        using var owned = page;
        DateTimeOffset? newest = null, previous = null;
        var falling = true;
        var dated = 0;
        foreach (var member in page.Members)
        {
            if (member.TryGetProperty("changedate", out var value) && value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dated++;
                falling &= previous is null || date <= previous;
                previous = date;
                if ((newest is null || date > newest) && (above is null || date > above))
                {
                    newest = date;
                }
            }
        }

        return (newest, IsWhole(page, size) || (falling && dated >= 2));
    }

    // A page shorter than asked for, with no next page: nothing was left out.
    private static bool IsWhole(MaximoPage page, int size) => page.NextPage is null && page.Members.Count < size;

    /// <summary>
    /// The greatest rowstamp of the delta: of a page of it, header and records alike (all of it, when the
    /// delta fits in one page), then, while the delta after that is not empty (a server whose
    /// <c>maxrowstamp</c> covers only the page served), the greatest of a page of what is left.
    /// </summary>
    private async Task<string?> GreatestRowstampAsync(EndpointDefinition endpoint, MaximoQuery scope, string? cursor, CancellationToken cancellationToken)
    {
        var since = cursor is null ? 0 : long.Parse(cursor, CultureInfo.InvariantCulture);
        var (greatest, whole) = await GreatestAsync(endpoint, scope with { DeltaSinceRowstamp = since, PageSize = StepSize }, cancellationToken);
        for (var step = 0; greatest is not null && !whole && step < MaxSteps; step++)
        {
            var (next, nextWhole) = await GreatestAsync(endpoint, scope with { DeltaSinceRowstamp = greatest, PageSize = StepSize }, cancellationToken);
            if (next is null || next <= greatest)
            {
                break;
            }

            (greatest, whole) = (next, nextWhole);
        }

        return greatest?.ToString(CultureInfo.InvariantCulture) ?? cursor;
    }

    /// <summary>A page of one attribute; a server that refuses its size (a page size cap) or times it out gets it smaller.</summary>
    private async Task<(MaximoPage Page, int Size)> LightPageAsync(EndpointDefinition endpoint, MaximoQuery query, CancellationToken cancellationToken)
    {
        var size = query.PageSize ?? StepSize;
        while (true)
        {
            try
            {
                return (await client.GetPageAsync(endpoint.ObjectStructure, query with { PageSize = size }, cancellationToken,
                    new ReadHooks(AdaptsPageWeight: size > PageWeight.Minimum)), size);
            }
            catch (Exception e) when (MaximoFailures.IsPageTooHeavy(e) && size > PageWeight.Minimum)
            {
                size = Math.Max(PageWeight.Minimum, size / 2);
            }
        }
    }

    /// <summary>
    /// The greatest rowstamp of a page of the delta, header and records alike. <c>Settled</c> when it is
    /// the greatest of the whole delta: the page held all of it, or the header is above every record of
    /// the page (so it covers more than the page). As with dates, settling early only saves requests.
    /// </summary>
    private async Task<(long? Greatest, bool Settled)> GreatestAsync(EndpointDefinition endpoint, MaximoQuery query, CancellationToken cancellationToken)
    {
        var (page, size) = await LightPageAsync(endpoint, query with { Select = endpoint.UniqueId }, cancellationToken);
        using var owned = page;
        var header = page.Members.Count > 0 ? page.MaxRowstamp : null;
        long? records = null;
        foreach (var member in page.Members)
        {
            if (member.TryGetProperty("_rowstamp", out var value) && Rowstamps.TryGet(value, out var stamp) && (records is null || stamp > records))
            {
                records = stamp;
            }
        }

        var greatest = header > records || records is null ? header : records;
        return (greatest, IsWhole(page, size) || (header is not null && records is not null && header > records));
    }
}
