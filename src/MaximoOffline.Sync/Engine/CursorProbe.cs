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
    /// The newest changedate: the first record by <c>-changedate</c>, then, while any record is newer
    /// (a server that ignored the order), the newest of a page of those: each step leaves only what is
    /// newer than the newest of a thousand, so it ends in a step or two.
    /// </summary>
    private async Task<string?> NewestChangeDateAsync(EndpointDefinition endpoint, MaximoQuery scope, string? cursor, CancellationToken cancellationToken)
    {
        var newest = await NewestAsync(endpoint, scope with { OrderBy = [("changedate", false)], PageSize = 1 }, null, cancellationToken);
        for (var step = 0; newest is not null && step < MaxSteps; step++)
        {
            var newer = scope with
            {
                Where = MaximoWhere.And(scope.Where, MaximoWhere.GreaterThan("changedate", newest.Value, maximo.DateFilterFormat)),
                OrderBy = [("changedate", false)],
                PageSize = StepSize,
            };
            var next = await NewestAsync(endpoint, newer, newest, cancellationToken);
            if (next is null || next <= newest)
            {
                break;
            }

            newest = next;
        }

        return newest?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) ?? cursor;
    }

    private async Task<DateTimeOffset?> NewestAsync(EndpointDefinition endpoint, MaximoQuery query, DateTimeOffset? above, CancellationToken cancellationToken)
    {
        using var page = await LightPageAsync(endpoint, query with { Select = "changedate" }, cancellationToken);
        DateTimeOffset? newest = null;
        foreach (var member in page.Members)
        {
            if (member.TryGetProperty("changedate", out var value) && value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && (newest is null || date > newest) && (above is null || date > above))
            {
                newest = date;
            }
        }

        return newest;
    }

    /// <summary>
    /// The greatest rowstamp of the delta: the <c>maxrowstamp</c> header of a one-record delta, then,
    /// while the delta after it is not empty (a server whose header covers only the page served), the
    /// greatest of a page of it, header and records alike.
    /// </summary>
    private async Task<string?> GreatestRowstampAsync(EndpointDefinition endpoint, MaximoQuery scope, string? cursor, CancellationToken cancellationToken)
    {
        var since = cursor is null ? 0 : long.Parse(cursor, CultureInfo.InvariantCulture);
        var greatest = await GreatestAsync(endpoint, scope with { DeltaSinceRowstamp = since, PageSize = 1 }, cancellationToken);
        for (var step = 0; greatest is not null && step < MaxSteps; step++)
        {
            var next = await GreatestAsync(endpoint, scope with { DeltaSinceRowstamp = greatest, PageSize = StepSize }, cancellationToken);
            if (next is null || next <= greatest)
            {
                break;
            }

            greatest = next;
        }

        return greatest?.ToString(CultureInfo.InvariantCulture) ?? cursor;
    }

    /// <summary>A page of one attribute; a server that refuses its size (a page size cap) or times it out gets it smaller.</summary>
    private async Task<MaximoPage> LightPageAsync(EndpointDefinition endpoint, MaximoQuery query, CancellationToken cancellationToken)
    {
        var size = Math.Min(query.PageSize ?? StepSize, maximo.PageSizeFor(endpoint.Slug));
        while (true)
        {
            try
            {
                return await client.GetPageAsync(endpoint.ObjectStructure, query with { PageSize = size }, cancellationToken,
                    new ReadHooks(AdaptsPageWeight: size > PageWeight.Minimum));
            }
            catch (Exception e) when (MaximoFailures.IsPageTooHeavy(e) && size > PageWeight.Minimum)
            {
                size = Math.Max(PageWeight.Minimum, size / 2);
            }
        }
    }

    private async Task<long?> GreatestAsync(EndpointDefinition endpoint, MaximoQuery query, CancellationToken cancellationToken)
    {
        using var page = await LightPageAsync(endpoint, query with { Select = endpoint.UniqueId }, cancellationToken);
        var greatest = page.Members.Count > 0 ? page.MaxRowstamp : null;
        foreach (var member in page.Members)
        {
            if (member.TryGetProperty("_rowstamp", out var value) && Rowstamps.TryGet(value, out var stamp) && (greatest is null || stamp > greatest))
            {
                greatest = stamp;
            }
        }

        return greatest;
    }
}
