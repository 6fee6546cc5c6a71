using System.Text.Json;
using System.Threading.Channels;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Reads keyset ranges with a few requests in flight and hands the pages, in any order, to the single
/// writer through a bounded channel: memory stays at a few pages whatever the collection's size.
/// </summary>
internal sealed class RangeReader(MaximoClient client, EndpointDefinition endpoint, MaximoQuery changed, MaximoOptions options, RunContext run)
{
    private Exception? _failure;

    /// <summary>The first error any range met, when reading stopped because of one.</summary>
    public Exception? Failure => _failure;

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
                Interlocked.CompareExchange(ref _failure, e, null);
                await stop.CancelAsync();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));
        pages.TryComplete();
    }

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
            var query = changed with { Where = where, Select = endpoint.Select, OrderBy = [(uid, true)], PageSize = options.PageSize };
            var page = await client.GetPageAsync(endpoint.ObjectStructure, query, cancellationToken, run.Warn);
            if (page.Members.Count == 0)
            {
                page.Dispose();
                return;
            }

            long highest;
            try
            {
                highest = page.Members.Max(m => UniqueId(m, endpoint));
                if (last is not null && highest <= last)
                {
                    throw new MaximoResponseException(
                        $"Maximo returned {endpoint.ObjectStructure} records out of order ({uid} {highest} after {last}); the page was not used.", transient: false);
                }
            }
            catch
            {
                page.Dispose();
                throw;
            }

            // A full page, or a page Maximo says is followed by another, means the range goes on: a
            // server that caps the page size below the one asked for does not truncate the read.
            var more = page.Members.Count >= options.PageSize || page.NextPage is not null;
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

    public static long UniqueId(JsonElement record, EndpointDefinition endpoint) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(endpoint.UniqueId, out var value) && JsonValues.TryGetInteger(value, out var id)
            ? id
            : throw new MaximoResponseException(
                $"Maximo sent a {endpoint.ObjectStructure} record without its unique id '{endpoint.UniqueId}'; check that the object structure includes it.", transient: false);
}
