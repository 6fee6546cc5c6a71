using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// What the sync cannot take on trust and checks again at run time (see <c>CursorProbe</c> and
/// <c>EndpointSyncer</c>), asked once up front so the report can say it: whether <c>oslc.orderBy</c> is
/// honoured, what the <c>maxrowstamp</c> header covers, how rowstamps are written, and whether the
/// delta query an endpoint's sync makes is answered.
/// </summary>
internal sealed class CursorChecks(ProbeRequests maximo, MaximoOptions options, TimeProvider time)
{
    /// <summary>Ids asked for in each direction: enough that an ignored order shows, light enough to be free.</summary>
    private const int OrderSample = 50;

    /// <summary>A page of unique ids asked <c>+uid</c> must come strictly ascending, and one asked <c>-uid</c> strictly descending.</summary>
    public async Task<OrderFinding> OrderAsync(EndpointDefinition endpoint, MaximoQuery scope, long count, CancellationToken cancellationToken)
    {
        if (count < 2)
        {
            return new OrderFinding(OrderHandling.NotEnoughRecords, $"{count} record(s) in scope: not enough records to tell.");
        }

        try
        {
            var up = await IdsAsync(endpoint, scope, ascending: true, cancellationToken);
            var down = await IdsAsync(endpoint, scope, ascending: false, cancellationToken);
            var uid = endpoint.UniqueId;
            if (InOrder(up, (a, b) => a < b) && InOrder(down, (a, b) => a > b))
            {
                return new OrderFinding(OrderHandling.Honoured, $"Pages asked +{uid} and -{uid} came in that order ({up.Count} and {down.Count} ids).");
            }

            var (asked, ids) = InOrder(up, (a, b) => a < b) ? ($"-{uid}", down) : ($"+{uid}", up);
            return new OrderFinding(OrderHandling.Ignored, $"A page asked {asked} came {string.Join(", ", ids.Take(5))}, …");
        }
        catch (MaximoException e)
        {
            return new OrderFinding(OrderHandling.Unknown, $"Not answered: {e.Message}");
        }
    }

    private async Task<List<long>> IdsAsync(EndpointDefinition endpoint, MaximoQuery scope, bool ascending, CancellationToken cancellationToken)
    {
        using var page = await maximo.PageAsync(endpoint.ObjectStructure,
            scope with { Select = endpoint.UniqueId, OrderBy = [(endpoint.UniqueId, ascending)], PageSize = OrderSample }, cancellationToken);
        return [.. page.Members.Select(m => RangeReader.UniqueId(m, endpoint))];
    }

    private static bool InOrder(List<long> ids, Func<long, long, bool> before) => ids.Zip(ids.Skip(1)).All(p => before(p.First, p.Second));

    /// <summary>
    /// A one-record delta since 0: its <c>maxrowstamp</c> header, and the record's <c>_rowstamp</c> as
    /// written. Then a one-record delta since that header: empty when the header covered the whole
    /// delta, not empty when it covered only the page served. Both answered: the rowstamp delta works.
    /// </summary>
    public async Task<(RowstampFinding Rowstamp, DeltaFinding Delta)> RowstampAsync(EndpointDefinition endpoint, MaximoQuery scope, long count,
        CancellationToken cancellationToken)
    {
        var query = scope with { Select = endpoint.UniqueId, PageSize = 1 };
        try
        {
            long? header;
            RowstampFormat format;
            using (var first = await maximo.PageAsync(endpoint.ObjectStructure, query with { DeltaSinceRowstamp = 0 }, cancellationToken))
            {
                if (first.Members.Count == 0)
                {
                    return (new RowstampFinding(RowstampCoverage.Unknown, RowstampFormat.Unknown, "No records in scope to tell."), Works(0));
                }

                (header, format) = (first.MaxRowstamp, FormatOf(first.Members[0]));
            }

            if (header is not { } since)
            {
                return (new RowstampFinding(RowstampCoverage.NoHeader, format, "A fetchmodedelta answer with records carried no maxrowstamp header."), Works(0));
            }

            using var after = await maximo.PageAsync(endpoint.ObjectStructure, query with { DeltaSinceRowstamp = since }, cancellationToken);
            var finding = count < 2
                ? new RowstampFinding(RowstampCoverage.Unknown, format, "One record in scope: its page is the whole delta, so there is no telling.")
                : after.Members.Count == 0
                    ? new RowstampFinding(RowstampCoverage.Set, format, $"The header of a one-record page ({since}) covered the whole delta: nothing is newer.")
                    : new RowstampFinding(RowstampCoverage.Page, format, $"The header of a one-record page ({since}) covered only that page: records newer than it exist.");
            return (finding, Works(since));
        }
        catch (MaximoException e)
        {
            return (new RowstampFinding(RowstampCoverage.Unknown, RowstampFormat.Unknown, $"Not answered: {e.Message}"),
                new DeltaFinding(false, $"fetchmodedelta=1 was not answered: {e.Message}"));
        }

        static DeltaFinding Works(long since) =>
            new(true, $"fetchmodedelta=1&lastfetchts={since.ToString(CultureInfo.InvariantCulture)} was answered.");
    }

    private static RowstampFormat FormatOf(JsonElement record)
    {
        if (!record.TryGetProperty("_rowstamp", out var value) || !Rowstamps.TryGet(value, out _))
        {
            return RowstampFormat.Unknown;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString()!.TrimStart().StartsWith('[') ? RowstampFormat.Bytes : RowstampFormat.Decimal;
    }

    /// <summary>The changedate delta an incremental sync makes (<c>changedate &gt;= …</c>, in <c>Maximo:DateFilterFormat</c>), counted over the last day.</summary>
    public async Task<DeltaFinding> ChangeDateDeltaAsync(EndpointDefinition endpoint, MaximoQuery scope, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-1);
        var term = MaximoWhere.GreaterOrEqual("changedate", since, options.DateFilterFormat);
        try
        {
            var changed = await maximo.CountAsync(endpoint.ObjectStructure, scope with { Where = MaximoWhere.And(scope.Where, term) }, cancellationToken);
            return new DeltaFinding(true, $"{term} was answered: {changed:N0} changed in the last day.");
        }
        catch (MaximoException e)
        {
            var hint = options.DateFilterFormat == DateFilterFormat.Offset ? " If the server refuses dates with an offset, set Maximo:DateFilterFormat=Local." : "";
            return new DeltaFinding(false, $"{term} was refused: {e.Message}{hint}");
        }
    }
}
