using System.ComponentModel;
using System.Text.Json;
using MaximoOffline.Cli.Display;
using MaximoOffline.Cli.Hosting;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary><c>status [--db-path P] [--json]</c>: the monitor's picture, once.</summary>
internal sealed class StatusCommand(CliConfiguration configuration) : AsyncCommand<StatusCommand.Settings>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--json")]
        [Description("Print JSON (endpoints with their last run, row counts per table) instead of tables.")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var reader = settings.Reader(configuration);
        var status = await reader.TryReadAsync(cancellationToken);
        if (status is null)
        {
            Terminal.Fail($"There is no replica at {reader.Path} yet: run 'maximo-offline sync all' first.");
            return ExitCodes.Failed;
        }

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(status, Json));
        }
        else
        {
            Terminal.Out.Write(StatusView.Render(status));
        }

        return ExitCodes.Success;
    }
}
