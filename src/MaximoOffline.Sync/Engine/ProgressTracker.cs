using MaximoOffline.Data.Writing;

namespace MaximoOffline.Sync.Engine;

/// <summary>Counts what a run has written and reports it, per-table counts included, to the event stream.</summary>
internal sealed class ProgressTracker(RunContext run, long? total)
{
    private readonly Dictionary<string, TableTotals> _tables = new(StringComparer.Ordinal);
    private int _pages;
    private long _records;

    public long? Total { get; } = total;

    public void Add(PageWriteResult page)
    {
        _pages++;
        _records += page.Records;
        foreach (var (table, counts) in page.Tables)
        {
            var before = _tables.GetValueOrDefault(table) ?? new TableTotals(0, 0, 0);
            _tables[table] = new TableTotals(before.Inserted + counts.Inserted, before.Updated + counts.Updated, before.Deleted + counts.Deleted);
        }

        Report();
    }

    public void Report()
    {
        var seconds = run.Elapsed.TotalSeconds;
        run.Events.Progress(new ProgressEvent(run.RunId, run.ParentRunId, run.Endpoint, _pages, _records, Total, seconds > 0 ? _records / seconds : 0,
            new Dictionary<string, TableTotals>(_tables, StringComparer.Ordinal)));
    }
}
