using System.ComponentModel;
using MaximoOffline.Cli.Display;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary>
/// <c>sync &lt;slug|all&gt;</c>: runs in this process through the same engine as the web app, with a
/// live display on a terminal (plain lines otherwise), then a summary. Exit 0 when it succeeded,
/// 1 when it failed or was cancelled, 2 for bad usage or settings.
/// </summary>
internal sealed class SyncCommand(CliConfiguration configuration) : AsyncCommand<SyncCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<slug|all>")]
        [Description("domain, peruser, locations, assets, wodetail, inventory, or all (in that order).")]
        public string Endpoint { get; init; } = "";

        [CommandOption("--site <SITE>")]
        [Description("The Maximo site (default Maximo:DefaultSite, else the API key user's default site).")]
        public string? Site { get; init; }

        // --force-full is the original scripts' name for it, still accepted.
        [CommandOption("--full|--force-full")]
        [Description("Read everything in scope and soft-delete what Maximo no longer has, instead of reading changes (--force-full: the old name).")]
        public bool Full { get; init; }

        [CommandOption("--force")]
        [Description("With --full: let the sweep delete more than Sync:MaxDeleteFraction of the rows.")]
        public bool Force { get; init; }

        public string Slug => Endpoint.Trim().ToLowerInvariant();

        public override ValidationResult Validate()
        {
            if (Slug != EndpointCatalog.All && EndpointCatalog.Find(Slug) is null)
            {
                return ValidationResult.Error($"There is no endpoint '{Endpoint}'. Use one of: {string.Join(", ", EndpointCatalog.Slugs)}, or all.");
            }

            return SiteOption.Validate(Site);
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var endpoints = settings.Slug == EndpointCatalog.All ? EndpointCatalog.Slugs.ToList() : [settings.Slug];
        ISyncDisplay display = Terminal.IsInteractive ? new LiveSyncDisplay(Terminal.Out, endpoints) : new PlainSyncDisplay(Console.Out);
        await using var host = SyncHost.Create(configuration.Build(settings.DatabasePath), display);
        await host.Database.MigrateAsync(cancellationToken);

        var sync = host.Get<SyncService>();
        var start = await sync.RequestAsync(new SyncRequest(settings.Slug, settings.Site, settings.Full, SyncTrigger.Cli, settings.Force, RequestedBy: Environment.UserName), cancellationToken);
        if (start.AlreadyRunning)
        {
            Terminal.Fail($"{start.Endpoint} is already syncing in run {start.RunId} (started elsewhere). Watch it with 'maximo-offline monitor'.");
            return ExitCodes.Failed;
        }

        // Ctrl+C reaches the engine, which ends the run as Cancelled and keeps the pages it committed.
        var status = await display.ShowAsync(() => sync.ExecuteAsync(start.RunId, cancellationToken));
        await SyncSummary.WriteAsync(Terminal.Out, new Replica.ReplicaReader(host.Database.Path), start.RunId);
        return status == SyncRunStatus.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }
}
