using MaximoOffline.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace MaximoOffline.Web.Live;

/// <summary>
/// <c>/hubs/sync</c>. Every connection gets run starts, progress and ends for all endpoints (the
/// dashboard's cards); <see cref="Watch"/> adds one run's log lines, after catching up on those
/// already written, so a reconnect or a page reload loses nothing.
/// </summary>
public sealed class SyncHub(RunQueries runs, HubBroadcaster broadcaster) : Hub
{
    public const string Path = "/hubs/sync";
    public const string Dashboard = "dashboard";

    public static string RunGroup(long runId) => $"run-{runId}";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Dashboard);
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Starts streaming a run's log lines and returns the run as it stands with every line after
    /// <paramref name="afterSeq"/> that has already gone out; the lines after those arrive live. Each
    /// line reaches the watcher exactly once, in order.
    /// </summary>
    public async Task<WatchResult?> Watch(long runId, long afterSeq)
    {
        var run = await runs.RunAsync(runId, Context.ConnectionAborted);
        if (run is null)
        {
            return null;
        }

        var sent = await broadcaster.JoinAsync(Context.ConnectionId, runId, Context.ConnectionAborted);
        var lines = sent <= afterSeq ? [] : await runs.LogAsync(runId, afterSeq, sent, Context.ConnectionAborted);
        return new WatchResult(run, lines);
    }

    public Task Unwatch(long runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, RunGroup(runId));
}

public sealed record WatchResult(RunDto Run, IReadOnlyList<LogLineDto> Lines);
