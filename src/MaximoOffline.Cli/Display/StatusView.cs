using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Cli.Replica;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MaximoOffline.Cli.Display;

/// <summary>The replica's state as terminal tables: one row per endpoint, then every table's live rows.</summary>
internal static class StatusView
{
    private const int TableColumns = 3;

    public static IRenderable Render(ReplicaStatus status, string? footer = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var parts = new List<IRenderable>
        {
            new Markup($"[bold]Replica[/] {Markup.Escape(status.Database)}  [grey]read {Format.When(status.ReadAt)}[/]"),
        };
        if (status.LastAllRun is { } all)
        {
            parts.Add(new Markup($"Last sync all: run {all.Id}, {Format.State(all.State)} since {Format.When(all.StartedAt ?? all.QueuedAt)}"));
        }

        parts.Add(Endpoints(status));
        parts.Add(Tables(status));
        if (footer is not null)
        {
            parts.Add(new Markup($"[grey]{Markup.Escape(footer)}[/]"));
        }

        return new Rows(parts);
    }

    private static Table Endpoints(ReplicaStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Endpoints")
            .AddColumn("Endpoint").AddColumn("State").AddColumn(new TableColumn("Records").RightAligned())
            .AddColumn(new TableColumn("Progress").RightAligned()).AddColumn("Site").AddColumn("Last run")
            .AddColumn("Last success").AddColumn("Children as of").AddColumn(new TableColumn("Left filter").RightAligned())
            .AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("Object structure");
        foreach (var endpoint in status.Endpoints)
        {
            var run = endpoint.LastRun;
            table.AddRow(
                new Markup($"[bold]{endpoint.Slug}[/]"),
                new Markup(Format.State(run?.State)),
                new Text(run is null ? "-" : Records(run)),
                new Text(run is null ? "" : Progress(run, status.ReadAt)),
                new Text(run?.Site ?? ""),
                new Text(run is null ? "-" : Format.When(run.StartedAt ?? run.QueuedAt)),
                new Text(Format.When(endpoint.LastSuccessAt)),
                new Text(Format.When(endpoint.ChildrenAsOf)),
                new Text(run?.LeftFilter is { } left ? Format.Count(left) : "-"),
                new Text(Format.Count(endpoint.Rows)),
                new Markup($"[grey]{endpoint.ObjectStructure}[/]"));
            if (run is { State: SyncRunStatus.Failed or SyncRunStatus.Interrupted, Error: { } error })
            {
                table.AddRow(new Text(""), new Markup($"[red]{Markup.Escape(Shorten(error, 150))}[/]"));
            }
        }

        return table;
    }

    private static string Records(RunInfo run) => run.IsActive && run.Total is { } total
        ? $"{Format.Count(run.Records)} / {Format.Count(total)}"
        : Format.Count(run.Records);

    private static string Progress(RunInfo run, DateTime now)
    {
        var rate = Format.Rate(run.Rate(now));
        if (run.IsActive)
        {
            return run.Total is > 0 and var total ? $"{Math.Min(100, 100 * run.Records / total)}% {rate}".TrimEnd() : rate;
        }

        return run is { StartedAt: { } started, FinishedAt: { } finished } ? $"{Format.Duration(finished - started)} {rate}".TrimEnd() : "";
    }

    /// <summary>Every replica table's live rows, in a few side-by-side columns to fit a terminal's height.</summary>
    private static Table Tables(ReplicaStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Replica tables (live rows)");
        for (var i = 0; i < TableColumns; i++)
        {
            table.AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
        }

        var entries = status.Tables.ToList();
        var height = (entries.Count + TableColumns - 1) / TableColumns;
        for (var row = 0; row < height; row++)
        {
            var cells = new List<IRenderable>();
            for (var column = 0; column < TableColumns; column++)
            {
                var index = column * height + row;
                if (index < entries.Count)
                {
                    var (name, rows) = entries[index];
                    cells.Add(new Text(name));
                    cells.Add(new Markup(rows == 0 ? "[grey]0[/]" : Format.Count(rows)));
                }
                else
                {
                    cells.Add(new Text(""));
                    cells.Add(new Text(""));
                }
            }

            table.AddRow(cells);
        }

        return table;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
