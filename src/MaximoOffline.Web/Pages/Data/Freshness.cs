using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Web.Api;

namespace MaximoOffline.Web.Pages.Data;

/// <summary>
/// How fresh one kind's data is: when its endpoint last synced successfully, and whether a user
/// should be warned before trusting it (never synced, its last run failed, or older than a day).
/// </summary>
public sealed record FreshnessView(WorkspaceKind Kind, string Endpoint, DateTime? LastSuccessAt, string? LastRunStatus, string? LastRunError, bool Warn)
{
    /// <summary>One line for a user: "Assets last synced 2026-11-30 21:04 UTC (3 hours ago)."</summary>
    public string Summary(DateTime now) => LastSuccessAt is { } at
        ? $"{Kind.Title} last synced {at:yyyy-MM-dd HH:mm} UTC ({Ago(now - at)})."
        : $"{Kind.Title} have never been synced.";

    /// <summary>Why the data may be stale, or null when it is not.</summary>
    public string? Warning(DateTime now) => LastSuccessAt is null
        ? $"Nothing here until a sync of {Endpoint} succeeds: start one on the Sync page."
        : LastRunStatus is "Failed" or "Interrupted"
            ? $"The last sync of {Endpoint} {(LastRunStatus == "Failed" ? "failed" : "was interrupted")}{(LastRunError is null ? "" : $": {LastRunError}")}. What you see is from the sync before it."
            : now - LastSuccessAt > Freshness.StaleAfter
                ? $"{Kind.Title} were last synced more than a day ago; Maximo may have changed since."
                : null;

    private static string Ago(TimeSpan age) => age.TotalMinutes < 1 ? "just now"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min ago"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours} h ago"
        : $"{(int)age.TotalDays} d ago";
}

/// <summary>
/// Reads each kind's freshness from the run bookkeeping: the kind's endpoint is the one whose root
/// table the kind shows (people come from <c>peruser</c>, domains from <c>domain</c>, work orders from
/// <c>wodetail</c>). Used by every workspace page so they all say the same thing.
/// </summary>
public sealed class Freshness(RunQueries runs, TimeProvider time)
{
    /// <summary>Data older than this gets a warning.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public static EndpointDefinition EndpointOf(WorkspaceKind kind) =>
        EndpointCatalog.DependencyOrder.First(e => e.Root == kind.Table);

    public async Task<FreshnessView> OfAsync(WorkspaceKind kind, CancellationToken cancellationToken) =>
        (await OfAsync([kind], cancellationToken))[0];

    /// <summary>The freshness of each kind, in the order given.</summary>
    public async Task<IReadOnlyList<FreshnessView>> OfAsync(IReadOnlyList<WorkspaceKind> kinds, CancellationToken cancellationToken)
    {
        var latest = await runs.LatestAsync(kinds.Select(EndpointOf), cancellationToken);
        return [.. kinds.Zip(latest, (kind, endpoint) =>
        {
            var last = endpoint.Last?.Run;
            var view = new FreshnessView(kind, endpoint.Endpoint.Slug, endpoint.State?.LastSuccessAt,
                last is null ? null : RunStatusText.Of(last.Status), last?.Error, Warn: false);
            return view with { Warn = view.Warning(Now) is not null };
        })];
    }

    /// <summary>
    /// What a page showing several kinds says: a kind never synced, else one with a warning (a failed
    /// last run), else the oldest (the page is as fresh as its oldest data).
    /// </summary>
    public static FreshnessView Worst(IReadOnlyList<FreshnessView> views) =>
        views.FirstOrDefault(v => v.LastSuccessAt is null) ?? views.FirstOrDefault(v => v.Warn) ?? views.MinBy(v => v.LastSuccessAt)!;
}
