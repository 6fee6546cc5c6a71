using System.ComponentModel;
using System.Text.Json;
using MaximoOffline.Cli.Display;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Sync.Doctor;
using MaximoOffline.Sync.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary>
/// <c>doctor [--site S] [--json]</c>: read-only checks of the configured Maximo before a first sync.
/// Exit 0 when a sync would work, 1 with the reasons when it would not, 2 for bad usage or settings
/// (no <c>Maximo:BaseUrl</c> among them, as for <c>sync</c>).
/// </summary>
internal sealed class DoctorCommand(CliConfiguration configuration) : AsyncCommand<DoctorCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--site <SITE>")]
        [Description("The site to check site-filtered endpoints for (default Maximo:DefaultSite, else the user's default site).")]
        public string? Site { get; init; }

        [CommandOption("--json")]
        [Description("Print the report as JSON (for scripts) instead of tables.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => SiteOption.Validate(Site);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var host = SyncHost.Create(configuration.Build());
        var doctor = host.Get<MaximoDoctor>();
        var report = settings.Json || !Terminal.IsInteractive
            ? await doctor.CheckAsync(settings.Site, cancellationToken)
            : await Terminal.Out.Status().StartAsync("Checking Maximo…", _ => doctor.CheckAsync(settings.Site, cancellationToken));

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, DoctorReport.Json));
        }
        else
        {
            Terminal.Out.Write(DoctorView.Render(report));
        }

        return report.Verdict.Ok ? ExitCodes.Success : ExitCodes.Failed;
    }
}
