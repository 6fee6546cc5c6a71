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
    public async Task ProduceAsync(List<(long From, long? Before)> ranges, int workers, ChannelWriter<MaximoPage> pages, CancellationTokenSource stop)
    {
        var queue = new Queue<(long, long?)>(ranges);
        var gate = new Lock();
        bool Next(out (long From, long? Before) range)
        {
            lock (gate)
            {
                return queue.TryDequeue(out range);
            }
        }

        async Task WorkAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested && Next(out var range))
                {
                    await ReadRangeAsync(range.From, range.Before, pages, stop.Token);
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

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));
    }

    /// <summary>Stops the read with <paramref name="failure"/> (the first one reported wins).</summary>
    public void Fail(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null);

    private async Task ReadRangeAsync(long from, long? before, ChannelWriter<MaximoPage> pages, CancellationToken cancellationToken)
    {
        var uid = endpoint.UniqueId;
        long? last = null;
        while (true)
        {
            var where = MaximoWhere.And(
                changed.Where,
                last is null ? MaximoWhere.GreaterOrEqual(uid, from) : MaximoWhere.GreaterThan(uid, last.Value),
                before is null ? null : MaximoWhere.LessThan(uid, before.Value));
            var (page, size) = await FetchAsync(changed with { Where = where, Select = select, OrderBy = [(uid, true)] }, cancellationToken);
            if (page.Members.Count == 0)
            {
                page.Dispose();
                return;
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
            var more = (page.Members.Count >= size || page.NextPage is not null) && (before is null || highest < before - 1);
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
                return;
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
        foreach (var member in page.Members)
        {
            var id = UniqueId(member, endpoint);
            if (id <= previous || id >= before)
            {
                throw new OrderNotHonouredException(endpoint,
                    id <= previous ? $"{endpoint.UniqueId} {id} came after {previous}" : $"{endpoint.UniqueId} {id} is outside the range asked for (below {before})");
            }

            previous = id;
        }

        return previous;
    }

    public static long UniqueId(JsonElement record, EndpointDefinition endpoint) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(endpoint.UniqueId, out var value) && JsonValues.TryGetInteger(value, out var id)
            ? id
            : throw new MaximoResponseException(
                $"Maximo sent a {endpoint.ObjectStructure} record without its unique id '{endpoint.UniqueId}'; check that the object structure includes it.", transient: false);
}

/// <summary>Maximo did not return records in the order asked for (<c>oslc.orderBy</c> ignored), so keyset ranges cannot be trusted.</summary>
internal sealed class OrderNotHonouredException(EndpointDefinition endpoint, string detail)
    : Exception($"Maximo does not return {endpoint.ObjectStructure} records in the order asked for (oslc.orderBy=+{endpoint.UniqueId}): {detail}.");
