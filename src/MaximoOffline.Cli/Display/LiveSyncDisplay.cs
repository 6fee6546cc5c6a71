using System.Collections.Concurrent;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MaximoOffline.Cli.Display;

/// <summary>
/// A Spectre.Console progress display with one line per endpoint: bar, percentage, records and
/// rate. Warnings and errors are kept and printed when the display ends, so they neither tear the
/// live display nor scroll away.
/// </summary>
internal sealed class LiveSyncDisplay(IAnsiConsole console, IReadOnlyList<string> endpoints) : ISyncDisplay
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(SyncLogLevel Level, string Text)> _problems = new();
    private readonly RunLines _lines = new();

    public async Task<SyncRunStatus> ShowAsync(Func<Task<SyncRunStatus>> sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var status = await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RecordsColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                foreach (var endpoint in endpoints)
                {
                    _tasks[endpoint] = context.AddTask($"{endpoint} [grey]waiting[/]", autoStart: false, maxValue: 1);
                }

                return await sync();
            });

        foreach (var (level, text) in _problems)
        {
            console.MarkupLine(level == SyncLogLevel.Error ? $"[red]{Markup.Escape(text)}[/]" : $"[yellow]{Markup.Escape(text)}[/]");
        }

        return status;
    }

    public void RunStarted(RunStartedEvent e)
    {
        _lines.Started(e);
        if (_tasks.TryGetValue(e.Endpoint, out var task))
        {
            task.Description = e.Endpoint;
            task.StartTask();
        }
    }

    public void Progress(ProgressEvent e)
    {
        if (!_tasks.TryGetValue(e.Endpoint, out var task))
        {
            return;
        }

        task.IsIndeterminate = e.Total is null;
        task.MaxValue = Math.Max(1, e.Total ?? e.Records);
        task.Value = Math.Min(task.MaxValue, e.Records);
        task.State.Update<long>(RecordsColumn.Records, _ => e.Records);
        task.State.Update<long>(RecordsColumn.Total, _ => e.Total ?? -1);
        task.State.Update<double>(RecordsColumn.Rate, _ => e.RecordsPerSecond);
    }

    public void Log(LogEvent e)
    {
        if (e.Level >= SyncLogLevel.Warning && _lines.Text(e) is { } text)
        {
            _problems.Enqueue((e.Level, text));
        }
    }


    public void RunFinished(RunFinishedEvent e)
    {
        if (e.Endpoint == EndpointCatalog.All || !_tasks.TryGetValue(e.Endpoint, out var task))
        {
            return;
        }

        task.IsIndeterminate = false;
        task.Description = e.Status == SyncRunStatus.Succeeded ? $"{e.Endpoint} [green]done[/]" : $"{e.Endpoint} {Format.State(e.Status)}";
        if (e.Status == SyncRunStatus.Succeeded)
        {
            task.Value = task.MaxValue;
        }

        task.StopTask();
    }

    /// <summary>"1,200/1,300 records · 450/s", from what <see cref="Progress"/> keeps in the task's state.</summary>
    private sealed class RecordsColumn : ProgressColumn
    {
        public const string Records = "records";
        public const string Total = "total";
        public const string Rate = "rate";

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var records = task.State.Get<long>(Records);
            var total = task.State.Get<long>(Total);
            var of = total >= 0 && task.IsStarted ? $"/{Format.Count(total)}" : "";
            return task.IsStarted
                ? new Markup($"{Format.Count(records)}{of} records [grey]{Format.Rate(task.State.Get<double>(Rate))}[/]")
                : new Text("");
        }
    }
}
