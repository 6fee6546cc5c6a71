using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Cli.Replica;
using Spectre.Console;

namespace MaximoOffline.Cli.Display;

/// <summary>After a sync: each endpoint run's outcome and, per table, what was written and what is there now.</summary>
internal static class SyncSummary
{
    public static async Task WriteAsync(IAnsiConsole console, ReplicaReader reader, long runId)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(reader);
        var runs = await reader.RunAndChildrenAsync(runId);
        var top = runs.First(r => r.Id == runId);
        var endpointRuns = runs.Count > 1 ? runs.Where(r => r.Id != runId).ToList() : [top];

        var outcome = new Table().Border(TableBorder.Rounded).Title($"Run {runId}")
            .AddColumn("Endpoint").AddColumn("Status").AddColumn(new TableColumn("Records").RightAligned())
            .AddColumn(new TableColumn("Pages").RightAligned()).AddColumn(new TableColumn("Time").RightAligned());
        foreach (var run in endpointRuns)
        {
            outcome.AddRow(
                new Text(run.Endpoint), new Markup(Format.State(run.State)), new Text(Format.Count(run.Records)),
                new Text(Format.Count(run.Pages)), new Text(run is { StartedAt: { } s, FinishedAt: { } f } ? Format.Duration(f - s) : "-"));
        }

        console.Write(outcome);

        var changes = await reader.ChangesAsync(runId);
        if (changes.Count > 0)
        {
            var tables = new Table().Border(TableBorder.Rounded).Title("Tables")
                .AddColumn("Table").AddColumn(new TableColumn("Inserted").RightAligned()).AddColumn(new TableColumn("Updated").RightAligned())
                .AddColumn(new TableColumn("Deleted").RightAligned()).AddColumn(new TableColumn("Rows now").RightAligned());
            foreach (var change in changes)
            {
                tables.AddRow(change.Table, Format.Count(change.Inserted), Format.Count(change.Updated), Format.Count(change.Deleted), Format.Count(change.Rows));
            }

            console.Write(tables);
        }

        foreach (var run in endpointRuns.Where(r => r.Error is not null && r.State != SyncRunStatus.Succeeded))
        {
            Terminal.Fail($"{run.Endpoint}: {run.Error}");
        }

        var elapsed = top is { StartedAt: { } started, FinishedAt: { } finished } ? $" in {Format.Duration(finished - started)}" : "";
        console.MarkupLine($"Sync {top.Endpoint} {Format.State(top.State)}: {Format.Count(top.Records)} records{elapsed}.");
    }
}
