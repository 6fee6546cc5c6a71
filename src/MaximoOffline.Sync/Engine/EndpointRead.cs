using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// The read of one endpoint's run: the lowest and highest ids in scope, the first page (started beside
/// the probes), then keyset ranges, or, once the server shows it ignores the order, a stable snapshot.
/// Its reads share a page size, and a request limit and page budget, which are the whole run's when the
/// endpoint is part of <c>all</c>.
/// </summary>
internal sealed class EndpointRead : IAsyncDisposable
{
    private readonly MaximoClient _client;
    private readonly MaximoOptions _maximo;
    private readonly RunContext _run;
    private readonly EndpointDefinition _endpoint;
    private readonly MaximoQuery _changed;
    private readonly PageBudget? _ownBudget;
    private CancellationTokenSource? _firstStop;
    private Task<FirstPage?>? _first;

    /// <param name="changed">The records in scope of this run: all of them, or those changed since the cursor.</param>
    public EndpointRead(MaximoClient client, MaximoOptions maximo, RunContext run, EndpointDefinition endpoint, MaximoQuery changed)
    {
        (_client, _maximo, _run, _endpoint, _changed) = (client, maximo, run, endpoint, changed);
        Weight = new PageWeight(maximo.PageSizeFor(endpoint.Slug), run);
        Limit = run.SharedLimit ?? new RequestLimit(maximo.MaxConcurrentRequests);
        _ownBudget = run.SharedPages is null ? new PageBudget(SyncService.PageBudgetFor(maximo)) : null;
        Budget = run.SharedPages ?? _ownBudget!;
    }

    private PageWeight Weight { get; }

    private RequestLimit Limit { get; }

    private PageBudget Budget { get; }

    /// <summary>
    /// Asks for the read's first page with <paramref name="select"/> (see <see cref="RangeReader.TryFirstPageAsync"/>);
    /// <see cref="ReadAsync"/> starts from it, and a page nobody read is given back when the read is disposed.
    /// </summary>
    public void StartFirstPage(string select, CancellationToken cancellationToken)
    {
        _firstStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _first = Reader(select).TryFirstPageAsync(_firstStop.Token);
    }

    private async Task<FirstPage?> TakeFirstPageAsync()
    {
        var first = _first;
        _first = null;
        return first is null ? null : await first;
    }

    /// <summary>Reads by keyset ranges, or, once the server shows it ignores the order, by a stable snapshot. Says how it read.</summary>
    /// <param name="scope">The lowest and highest unique ids in scope and how many records Maximo counted.</param>
    public async Task<string> ReadAsync(string select, PageSink sink, (long Min, long Max, long Total) scope, CancellationToken cancellationToken)
    {
        var (endpoint, changed, run) = (_endpoint, _changed, _run);
        var (min, max, total) = scope;
        var reader = Reader(select);
        // The first page, when it came back, is used only when it starts at the lowest id with the select read with.
        var first = await TakeFirstPageAsync();
        if (first is not null && (first.Select != select || !reader.Starts(first, min)))
        {
            first.Page.Dispose();
            first = null;
        }

        var ranges = first is null
            ? new KeysetRanges(min, max, total, Weight.Size, _maximo.MaxConcurrentRequests)
            : KeysetRanges.After(first, endpoint, max, total, Weight.Size, _maximo.MaxConcurrentRequests);
        try
        {
            await sink.DrainAsync(async (pages, stop) =>
            {
                try
                {
                    if (first is not null)
                    {
                        try
                        {
                            await pages.WriteAsync(first.Page, stop.Token);
                        }
                        catch
                        {
                            first.Page.Dispose();
                            throw;
                        }
                    }

                    // The lowest and highest ids came from requests ordered by them: if anything lies outside, the
                    // order was not honoured (or records were added meanwhile: reading a snapshot is then merely slower).
                    var outside = CheckNothingOutsideAsync(endpoint, changed, min, max, reader, stop);
                    await reader.ProduceAsync(ranges, pages, stop);
                    await outside;
                }
                finally
                {
                    pages.TryComplete();
                }
            }, ranges.Workers, cancellationToken);

            if (reader.Failure is { } failure)
            {
                throw failure;
            }

            return "keyset ranges of the unique id";
        }
        catch (OrderNotHonouredException e)
        {
            run.Warn($"{e.Message} Reading a stable snapshot instead (pages by number, de-duplicated by unique id, checked against Maximo's count); " +
                     "the pages already written are kept.");
            var unordered = new UnorderedReader(_client, endpoint, changed, select, Weight, run);
            await sink.DrainAsync(async (pages, stop) =>
            {
                try
                {
                    await unordered.ProduceAsync(pages, stop.Token);
                }
                finally
                {
                    pages.TryComplete();
                }
            }, 1, cancellationToken);
            return "a stable snapshot: the server ignored oslc.orderBy";
        }
    }

    private async Task CheckNothingOutsideAsync(EndpointDefinition endpoint, MaximoQuery changed, long min, long max, RangeReader reader, CancellationTokenSource stop)
    {
        var below = MaximoWhere.And(changed.Where, MaximoWhere.LessThan(endpoint.UniqueId, min));
        var above = MaximoWhere.And(changed.Where, MaximoWhere.GreaterThan(endpoint.UniqueId, max));
        try
        {
            var counts = await Task.WhenAll(
                _client.CountAsync(endpoint.ObjectStructure, changed with { Where = below }, stop.Token),
                _client.CountAsync(endpoint.ObjectStructure, changed with { Where = above }, stop.Token));
            if (counts[0] > 0 || counts[1] > 0)
            {
                reader.Fail(new OrderNotHonouredException(endpoint, counts[0] > 0
                    ? $"records with {endpoint.UniqueId} below {min}, the lowest it gave when asked for the lowest, exist"
                    : $"records with {endpoint.UniqueId} above {max}, the highest it gave when asked for the highest, exist"));
                await stop.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The read stopped for another reason, which is the one to report.
        }
    }

    /// <summary>The lowest or highest unique id in scope as the server gives it, or null when nothing is.</summary>
    public async Task<long?> EdgeAsync(bool ascending, CancellationToken cancellationToken)
    {
        using var page = await _client.GetPageAsync(_endpoint.ObjectStructure,
            _changed with { Select = _endpoint.UniqueId, OrderBy = [(_endpoint.UniqueId, ascending)], PageSize = 1 }, cancellationToken);
        return page.Members.Count == 0 ? null : RangeReader.UniqueId(page.Members[0], _endpoint);
    }

    private RangeReader Reader(string select) => new(_client, _endpoint, _changed, select, Weight, Limit, Budget, _run);

    public async ValueTask DisposeAsync()
    {
        if (_firstStop is not null)
        {
            await _firstStop.CancelAsync();
        }

        (await TakeFirstPageAsync())?.Page.Dispose();
        _firstStop?.Dispose();
        _ownBudget?.Dispose();
    }
}
