using System.Text.Json;
using System.Threading.Channels;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Reads keyset ranges (<c>uid &gt; last</c>, ordered by the unique id) with a few requests in flight
/// and hands the pages, in any order, to the single writer through a bounded channel: memory stays at
/// a few pages whatever the collection's size. The order is checked, not trusted: a page whose ids are
/// not strictly ascending inside its range stops the read with <see cref="OrderNotHonouredException"/>
/// before it is handed on, and the caller reads another way.
/// </summary>
internal sealed class RangeReader(MaximoClient client, EndpointDefinition endpoint, MaximoQuery changed, string select,
    PageWeight weight, RequestLimit limit, PageBudget budget, RunContext run)
{
    private Exception? _failure;

    /// <summary>The first error any range met, when reading stopped because of one.</summary>
    public Exception? Failure => _failure;

    /// <summary>Reads every range; the caller completes <paramref name="pages"/>. A failure is kept in <see cref="Failure"/> and stops the others.</summary>
    public async Task ProduceAsync(KeysetRanges ranges, ChannelWriter<MaximoPage> pages, CancellationTokenSource stop)
    {
        async Task WorkAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested && ranges.TryNext(out var range))
                {
                    ranges.Done(range, await ReadRangeAsync(range.From, range.Before, pages, stop.Token));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Fail(e);
                await stop.CancelAsync();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, ranges.Workers).Select(_ => Task.Run(WorkAsync)));
    }

    /// <summary>
    /// The read's first page, asked for with no lower bound while the probes that cut the ranges are still
    /// out, so that the probes' round trip also brings records. Null when it failed: it is only a head
    /// start, and the ranges then read those records the usual way (a failure that matters fails the probes
    /// too, and a cancellation stops them as well): it never throws.
    /// </summary>
    public async Task<FirstPage?> TryFirstPageAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (page, size) = await FetchAsync(changed with { Select = select, OrderBy = [(endpoint.UniqueId, true)] }, cancellationToken);
            return new FirstPage(page, size, select);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="first"/> is the start of the range from <paramref name="min"/>: its ids rise
    /// strictly from exactly the lowest id in scope. Any doubt (records added meanwhile, an order the server
    /// ignores) and it is not used: the ranges read those records again.
    /// </summary>
    public bool Starts(FirstPage first, long min)
    {
        if (first.Page.Count == 0 || UniqueId(first.Page, 0, endpoint) != min)
        {
            return false;
        }

        try
        {
            CheckOrder(first.Page, min - 1, null);
            return true;
        }
        catch (OrderNotHonouredException)
        {
            return false;
        }
    }

    /// <summary>Stops the read with <paramref name="failure"/> (the first one reported wins).</summary>
    public void Fail(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null);

    /// <summary>Reads one range to its end; returns the records it held.</summary>
    private async Task<long> ReadRangeAsync(long from, long? before, ChannelWriter<MaximoPage> pages, CancellationToken cancellationToken)
    {
        var uid = endpoint.UniqueId;
        long? last = null;
        long records = 0;
        while (true)
        {
            var where = MaximoWhere.And(
                changed.Where,
                last is null ? MaximoWhere.GreaterOrEqual(uid, from) : MaximoWhere.GreaterThan(uid, last.Value),
                before is null ? null : MaximoWhere.LessThan(uid, before.Value));
            var (page, size) = await FetchAsync(changed with { Where = where, Select = select, OrderBy = [(uid, true)] }, cancellationToken);
            if (page.Count == 0)
            {
                page.Dispose();
                return records;
            }

            long highest;
            try
            {
                highest = CheckOrder(page, last ?? from - 1, before);
            }
            catch
            {
                page.Dispose();
                throw;
            }

            // A full page, or a page Maximo says is followed by another, means the range goes on (a server
            // that caps the page size below the one asked for does not truncate the read), unless the page
            // reached the last id the range can hold.
            records += page.Count;
            var more = (page.Count >= size || page.NextPage is not null) && (before is null || highest < before - 1);
            try
            {
                await pages.WriteAsync(page, cancellationToken);
            }
            catch
            {
                page.Dispose();
                throw;
            }

            if (!more)
            {
                return records;
            }

            last = highest;
        }
    }

    /// <summary>
    /// One page at the current page size, within the run's page budget and request limit; a page too
    /// heavy is asked for again smaller. The page carries its share of the budget until it is written.
    /// </summary>
    private async Task<(MaximoPage Page, int Size)> FetchAsync(MaximoQuery query, CancellationToken cancellationToken)
    {
        var hooks = new ReadHooks(Retrying, AdaptsPageWeight: true);
        var release = await budget.TakeAsync(cancellationToken);
        try
        {
            while (true)
            {
                var size = weight.Size;
                using (await limit.EnterAsync(cancellationToken))
                {
                    try
                    {
                        var page = await client.GetPageAsync(endpoint.ObjectStructure, query with { PageSize = size }, cancellationToken, hooks);
                        limit.Succeeded();
                        page.OnRelease(release);
                        return (page, size);
                    }
                    catch (Exception e) when (MaximoFailures.IsPageTooHeavy(e) && weight.Halve(size, e))
                    {
                    }
                }
            }
        }
        catch
        {
            release();
            throw;
        }
    }

    private void Retrying(RetryNotice notice)
    {
        run.Warn(notice.Message);
        if (MaximoFailures.IsThrottled(notice.Cause) && limit.Throttled() is { } lowered)
        {
            run.Warn($"Maximo asked for fewer requests: {lowered} page request(s) in flight from now on, one more after each {RequestLimit.SuccessesPerStep} that succeed.");
        }
    }

    /// <summary>The page's ids must rise strictly and stay inside the range; returns the highest.</summary>
    private long CheckOrder(MaximoPage page, long after, long? before)
    {
        var previous = after;
        for (var i = 0; i < page.Count; i++)
        {
            var id = UniqueId(page, i, endpoint);
            if (id <= previous || id >= before)
            {
                throw new OrderNotHonouredException(endpoint,
                    id <= previous ? $"{endpoint.UniqueId} {id} came after {previous}" : $"{endpoint.UniqueId} {id} is outside the range asked for (below {before})");
            }

            previous = id;
        }

        return previous;
    }

    /// <summary>The unique id of record <paramref name="index"/> of <paramref name="page"/>, read without parsing the record where it can be.</summary>
    public static long UniqueId(MaximoPage page, int index, EndpointDefinition endpoint) =>
        page.TryReadInteger(index, endpoint.UniqueId, out var id) ? id : UniqueId(page.Members[index], endpoint);

    public static long UniqueId(JsonElement record, EndpointDefinition endpoint) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(endpoint.UniqueId, out var value) && JsonValues.TryGetInteger(value, out var id)
            ? id
            : throw new MaximoResponseException(
                $"Maximo sent a {endpoint.ObjectStructure} record without its unique id '{endpoint.UniqueId}'; check that the object structure includes it.", transient: false);
}

/// <summary>The first page of a read, fetched at <see cref="Size"/> records with <see cref="Select"/>.</summary>
internal sealed record FirstPage(MaximoPage Page, int Size, string Select)
{
    /// <summary>Whether records follow the page: it is full, or Maximo says another page follows.</summary>
    public bool Full => Page.Count >= Size || Page.NextPage is not null;
}

/// <summary>Maximo did not return records in the order asked for (<c>oslc.orderBy</c> ignored), so keyset ranges cannot be trusted.</summary>
internal sealed class OrderNotHonouredException(EndpointDefinition endpoint, string detail)
    : Exception($"Maximo does not return {endpoint.ObjectStructure} records in the order asked for (oslc.orderBy=+{endpoint.UniqueId}): {detail}.");
