using Microsoft.Data.Sqlite;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// Watches <c>sync_run</c> from outside the product, every few milliseconds, for as long as a test
/// runs: records any moment at which two runs of one endpoint are Running at once, and any run that
/// leaves Interrupted (it would have been run a second time).
/// </summary>
public sealed class RunMonitor : IAsyncDisposable
{
    private readonly Replica _replica;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _violations = [];
    private readonly HashSet<long> _interrupted = [];

    public RunMonitor(Replica replica)
    {
        _replica = replica;
        _loop = Task.Run(LoopAsync);
    }

    public int Polls { get; private set; }

    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return _violations;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Observe();
                Polls++;
            }
            catch (SqliteException)
            {
                // Not created or migrated yet.
            }

            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Observe()
    {
        if (!File.Exists(_replica.Path))
        {
            return;
        }

        var runs = _replica.Rows("SELECT id, endpoint, status FROM sync_run WHERE status IN ('Running', 'Interrupted')")
            .Select(r => (Id: (long)r[0]!, Endpoint: (string)r[1]!, Status: (string)r[2]!)).ToList();
        foreach (var twice in runs.Where(r => r.Status == "Running").GroupBy(r => r.Endpoint).Where(g => g.Count() > 1))
        {
            _violations.Add($"{twice.Key} running twice at once: runs {string.Join(", ", twice.Select(r => r.Id))}");
        }

        var interruptedNow = runs.Where(r => r.Status == "Interrupted").Select(r => r.Id).ToHashSet();
        foreach (var left in _interrupted.Where(id => !interruptedNow.Contains(id)).ToList())
        {
            _interrupted.Remove(left);
            _violations.Add($"run {left} was Interrupted, then {_replica.Scalar($"SELECT status FROM sync_run WHERE id = {left}")}");
        }

        _interrupted.UnionWith(interruptedNow);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
