using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using MaximoOffline.Web.Api;
using MaximoOffline.Web.Hosting;
using MaximoOffline.Web.Jobs;
using MaximoOffline.Web.Security;
using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Web.Pages;

/// <summary>
/// The dashboard. Rendered complete on the server (it works without scripts: its buttons post
/// anti-forgery protected forms); sync.js then keeps it live over SignalR.
/// </summary>
public sealed class SyncModel(RunQueries runs, SyncService sync, SyncStarter starter, IOptions<MaximoOptions> maximo) : PageModel
{
    public IReadOnlyList<EndpointDto> Endpoints { get; private set; } = [];

    public TablesDto Tables { get; private set; } = new([], DateTime.UtcNow);

    public string Source => BuiltInMaximo.Describe(maximo.Value);

    /// <summary>Starting and cancelling syncs is an Operator's (the page shows only what the user may do).</summary>
    public bool CanSync => Who.Can(User, Roles.Operator);

    /// <summary>The connection check (doctor) is an Admin's.</summary>
    public bool CanCheck => Who.Can(User, Roles.Admin);

    public bool BuiltIn => maximo.Value.UsesBuiltInEmulator;

    public string? DefaultSite => string.IsNullOrWhiteSpace(maximo.Value.DefaultSite) ? null : maximo.Value.DefaultSite;

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Endpoints = await runs.EndpointsAsync(cancellationToken);
        Tables = runs.Tables();
    }

    public async Task<IActionResult> OnPostSyncAsync(string slug, bool full, CancellationToken cancellationToken)
    {
        if (!CanSync)
        {
            return Forbid();
        }

        try
        {
            var (start, _) = await starter.StartAsync(new SyncRequest(slug, string.IsNullOrWhiteSpace(Site) ? null : Site, full, SyncTrigger.Ui, RequestedBy: Who.Of(User)), cancellationToken);
            if (start.AlreadyRunning)
            {
                Say($"{start.Endpoint} is already syncing in run {start.RunId}.", error: false);
            }
            else
            {
                Say($"Run {start.RunId} queued: {(full ? "full" : "incremental")} sync of {start.Endpoint}{(start.Site is null ? "" : $" for {start.Site}")}.", error: false);
            }

            return RedirectToPage(new { run = start.RunId });
        }
        catch (Exception e) when (Problems.From(e) is { } problem)
        {
            Say(problem.Detail!, error: true);
            return RedirectToPage();
        }
    }

    public IActionResult OnPostCancel(long runId)
    {
        if (!CanSync)
        {
            return Forbid();
        }

        var status = sync.Cancel(runId, Who.Of(User));
        Say(status is null ? $"There is no run {runId}." : $"Run {runId}: cancel requested ({status}).", error: status is null);
        return RedirectToPage(new { run = runId });
    }

    private void Say(string message, bool error)
    {
        Message = message;
        MessageIsError = error;
    }
}
