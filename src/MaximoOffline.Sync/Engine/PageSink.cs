using System.Threading.Channels;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Writing;
using MaximoOffline.Sync.Client;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// The single writer's side of a read: takes pages off the channel and writes each in one transaction
/// with the run's counters, then reports progress. Cancellation takes effect between pages: a page is
/// written whole or not at all.
/// </summary>
internal sealed class PageSink(IPageWriter writer, RunCounters counters, RunContext run, ProgressTracker progress)
{
    private readonly Dictionary<string, SortedSet<string>> _untyped = new(StringComparer.Ordinal);

    /// <summary>Top-level records written.</summary>
    public long Records { get; private set; }

    /// <summary>Per table, attributes seen that have no typed column.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Untyped => _untyped;

    /// <summary>
    /// Writes what <paramref name="produce"/> puts in the channel until it completes it. Whatever happens,
    /// the producer is stopped and awaited and pages left over are released; its failure, if any, is thrown.
    /// </summary>
    public async Task DrainAsync(Func<ChannelWriter<MaximoPage>, CancellationTokenSource, Task> produce, int capacity, CancellationToken cancellationToken)
    {
        var pages = Channel.CreateBounded<MaximoPage>(new BoundedChannelOptions(Math.Max(1, capacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = produce(pages.Writer, stop);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken))
            {
                using (page)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Write(page);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producing;
            while (pages.Reader.TryRead(out var left))
            {
                left.Dispose();
            }
        }
    }

    private void Write(MaximoPage page)
    {
        if (page.Count == 0)
        {
            return;
        }

        var result = writer.WritePage(page.Members, run.RunId, (transaction, written) => counters.RecordPage(transaction, run.RunId, written));
        Records += result.Records;
        foreach (var (table, names) in result.UntypedAttributes)
        {
            if (!_untyped.TryGetValue(table, out var set))
            {
                _untyped[table] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(names);
        }

        progress.Add(result);
    }
}
