using System.Collections.Concurrent;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;

namespace MaximoOffline.Cli.Display;

/// <summary>
/// Which log lines a display shows, and how. An <c>all</c> run repeats each endpoint run's lines in
/// its own log, prefixed with the endpoint, so only the top run's lines are shown: nothing twice.
/// </summary>
internal sealed class RunLines
{
    private readonly ConcurrentDictionary<long, string> _endpoints = new();

    public void Started(RunStartedEvent e) => _endpoints[e.RunId] = e.Endpoint;

    /// <summary>The line to show for <paramref name="e"/>, or null when it is a repeat.</summary>
    public string? Text(LogEvent e)
    {
        if (e.ParentRunId is not null)
        {
            return null;
        }

        var endpoint = _endpoints.GetValueOrDefault(e.RunId);
        return endpoint is null or EndpointCatalog.All ? e.Message : $"{endpoint}: {e.Message}";
    }

    public static string Level(SyncLogLevel level) => level switch
    {
        SyncLogLevel.Warning => "warn ",
        SyncLogLevel.Error => "error",
        SyncLogLevel.Debug => "debug",
        _ => "info ",
    };
}
