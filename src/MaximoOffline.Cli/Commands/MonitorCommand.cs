using MaximoOffline.Data.Database;
using System.ComponentModel;
using MaximoOffline.Cli.Display;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Cli.Replica;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace MaximoOffline.Cli.Commands;

/// <summary>
/// <c>monitor [--db-path P] [--refresh 5]</c>: the replica's state, redrawn until Ctrl+C. It only
/// reads the database, so it shows syncs started anywhere (web app, schedule, another terminal).
/// </summary>
internal sealed class MonitorCommand(CliConfiguration configuration) : AsyncCommand<MonitorCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--refresh <SECONDS>")]
        [Description("Seconds between refreshes (fractions allowed).")]
        [DefaultValue(5.0)]
        public double Refresh { get; init; } = 5;

        public override ValidationResult Validate() => Refresh is >= 0.1 and <= 3600
            ? ValidationResult.Success()
            : ValidationResult.Error("--refresh must be between 0.1 and 3600 seconds.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var reader = settings.Reader(configuration);
        var interval = TimeSpan.FromSeconds(settings.Refresh);
        var footer = $"Refreshing every {settings.Refresh:0.##} s. Ctrl+C to quit.";
        if (!Terminal.IsInteractive)
        {
            // Not a terminal: a snapshot per refresh, one after the other.
            await UntilCtrlC(async () =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    Terminal.Out.Write(await ViewAsync(reader, footer, cancellationToken));
                    Terminal.Out.WriteLine();
                    await Task.Delay(interval, cancellationToken);
                }
            }, cancellationToken);

            return ExitCodes.Success;
        }

        await UntilCtrlC(async () => await Terminal.Out.Live(await ViewAsync(reader, footer, cancellationToken))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async live =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    live.UpdateTarget(await ViewAsync(reader, footer, cancellationToken));
                    live.Refresh();
                    await Task.Delay(interval, cancellationToken);
                }
            }), cancellationToken);
        Terminal.Out.MarkupLine("[grey]Monitor stopped.[/]");
        return ExitCodes.Success;
    }

    private static async Task<IRenderable> ViewAsync(ReplicaReader reader, string footer, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.TryReadAsync(cancellationToken) is { } status
                ? StatusView.Render(status, footer)
                : new Markup($"Waiting for a replica at {Markup.Escape(reader.Path)} (none yet: start a sync).\n[grey]{Markup.Escape(footer)}[/]");
        }
        catch (Exception e) when (e is SqliteException or ReplicaDatabaseException)
        {
            // A file being created or migrated right now; the next refresh will do.
            return new Markup($"[yellow]Could not read {Markup.Escape(reader.Path)}: {Markup.Escape(e.Message)}[/]\n[grey]{Markup.Escape(footer)}[/]");
        }
    }

    // Ctrl+C ends the loop, whether it comes while waiting or while reading: the monitor exits cleanly.
    private static async Task UntilCtrlC(Func<Task> loop, CancellationToken cancellationToken)
    {
        try
        {
            await loop();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
