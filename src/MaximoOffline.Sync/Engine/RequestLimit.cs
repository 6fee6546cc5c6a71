namespace MaximoOffline.Sync.Engine;

/// <summary>
/// How many pages a run holds at once, fetched or being fetched and not yet written: what bounds its
/// memory, whatever the number of endpoints reading side by side.
/// </summary>
internal sealed class PageBudget(int pages) : IDisposable
{
    private readonly SemaphoreSlim _free = new(Math.Max(1, pages), Math.Max(1, pages));

    /// <summary>Waits for room for one more page; the release goes to the page (<see cref="Client.MaximoPage.OnRelease"/>) or back here.</summary>
    public async Task<Action> TakeAsync(CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        var once = 0;
        return () =>
        {
            if (Interlocked.Exchange(ref once, 1) == 0)
            {
                _free.Release();
            }
        };
    }

    public void Dispose() => _free.Dispose();
}

/// <summary>
/// How many page requests of a run may be in flight. It starts at <c>Maximo:MaxConcurrentRequests</c>;
/// when the server or a gateway asks for fewer (429, 503) it halves, and after a run of successes it
/// climbs back one at a time, so a throttled server is eased off and then used fully again.
/// </summary>
internal sealed class RequestLimit(int maximum)
{
    /// <summary>Successful requests in a row that earn one more request in flight.</summary>
    public const int SuccessesPerStep = 10;

    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _limit = Math.Max(1, maximum);
    private int _inFlight;
    private int _successes;

    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    /// <summary>Waits for a free slot; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_inFlight < _limit)
            {
                _inFlight++;
                return new Slot(this);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
        }

        await using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            await waiter.Task;
        }

        return new Slot(this);
    }

    /// <summary>The server asked for fewer requests: halve the limit (at least one stays). Returns the new limit when it changed.</summary>
    public int? Throttled()
    {
        lock (_gate)
        {
            var before = _limit;
            _limit = Math.Max(1, _limit / 2);
            _successes = 0;
            return _limit < before ? _limit : null;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            if (_limit < maximum && ++_successes >= SuccessesPerStep)
            {
                _limit++;
                _successes = 0;
                Wake();
            }
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
            Wake();
        }
    }

    // Under _gate: hand free slots to waiters that are still waiting.
    private void Wake()
    {
        while (_inFlight < _limit && _waiting.TryDequeue(out var next))
        {
            if (next.TrySetResult())
            {
                _inFlight++;
            }
        }
    }

    private sealed class Slot(RequestLimit limit) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limit.Leave();
            }
        }
    }
}
