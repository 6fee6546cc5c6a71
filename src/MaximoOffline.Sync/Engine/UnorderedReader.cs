using System.Threading.Channels;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// Reads an endpoint's scope without trusting any order, for servers that ignore <c>oslc.orderBy</c>:
/// the pages of a server-side snapshot (<c>stablepaging=1</c>) followed by their <c>nextPage</c> links,
/// de-duplicated by unique id. The distinct records read must reach the count the snapshot began with;
/// when they do not (the server's paging is not stable either), the read is tried once more, then fails
/// naming the server's behaviour: it never succeeds with a gap.
/// </summary>
internal sealed class UnorderedReader(MaximoClient client, EndpointDefinition endpoint, MaximoQuery changed, string select, PageWeight weight, RunContext run)
{
    private const int Attempts = 2;

    public async Task ProduceAsync(ChannelWriter<MaximoPage> pages, CancellationToken cancellationToken)
    {
        var handedOn = new HashSet<long>();
        for (var attempt = 1; ; attempt++)
        {
            var (total, distinct) = await ReadSnapshotAsync(pages, handedOn, cancellationToken);
            if (distinct >= total)
            {
                run.Info($"Read {distinct:N0} {endpoint.ObjectStructure} records in a stable snapshot, as many as Maximo counted.");
                return;
            }

            if (attempt == Attempts)
            {
                throw new MaximoResponseException(
                    $"Maximo ignores oslc.orderBy for {endpoint.ObjectStructure} and its stable paging gave {distinct:N0} distinct records of the {total:N0} " +
                    "it counted, twice: a complete read cannot be guaranteed from this server, so the run stops rather than miss records. " +
                    "Sync again when Maximo is quieter, or ask its administrator about oslc.orderBy and stablepaging on this object structure.", transient: false);
            }

            run.Warn($"The snapshot gave {distinct:N0} distinct {endpoint.ObjectStructure} records of the {total:N0} Maximo counted; reading it again.");
        }
    }

    /// <summary>One pass over a snapshot; returns the count the snapshot began with and the distinct records it gave.</summary>
    private async Task<(long Total, long Distinct)> ReadSnapshotAsync(ChannelWriter<MaximoPage> pages, HashSet<long> handedOn, CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        while (true)
        {
            var size = weight.Size;
            try
            {
                var page = await client.GetPageAsync(endpoint.ObjectStructure,
                    changed with { Select = select, PageSize = size, StablePaging = true, CollectionCount = true, OrderBy = [(endpoint.UniqueId, true)] },
                    cancellationToken, new ReadHooks(n => run.Warn(n.Message), AdaptsPageWeight: true));
                var total = page.TotalCount ?? 0;
                while (true)
                {
                    var next = page.NextPage;
                    try
                    {
                        // Counted in this pass, written only once whatever the pass.
                        page.Keep(m =>
                        {
                            var id = RangeReader.UniqueId(m, endpoint);
                            return seen.Add(id) & handedOn.Add(id);
                        });
                        await pages.WriteAsync(page, cancellationToken);
                    }
                    catch
                    {
                        page.Dispose();
                        throw;
                    }

                    if (next is null)
                    {
                        return (total, seen.Count);
                    }

                    page = await client.GetPageAsync(next, cancellationToken, new ReadHooks(n => run.Warn(n.Message), AdaptsPageWeight: true));
                }
            }
            catch (Exception e) when (MaximoFailures.IsPageTooHeavy(e) && weight.Halve(size, e))
            {
                // A snapshot's pages have the size it began with: begin a new one with smaller pages.
            }
        }
    }
}
