using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Faults;

// Active faults and their counters. A fraction is applied exactly, not by chance: with 0.25 every
// fourth matching request is hit, so tests can count on it.
internal sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _faults = [];
    private int _nextId = 1;

    public static readonly string[] Kinds = ["latency", "status", "drop", "truncate", "html", "hold"];

    public int Add(FaultSpec spec)
    {
        lock (_gate)
        {
            var id = _nextId++;
            _faults.Add(new Entry(id, spec));
            return id;
        }
    }

    public bool Remove(int id)
    {
        lock (_gate)
        {
            foreach (var fault in _faults.Where(f => f.Id == id))
            {
                fault.Release();
            }
            return _faults.RemoveAll(f => f.Id == id) > 0;
        }
    }

    /// <summary>Lets every request a hold fault keeps waiting go on, and removes the fault.</summary>
    public bool Release(int id) => Remove(id);

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var fault in _faults)
            {
                fault.Release();
            }
            _faults.Clear();
        }
    }

    public IReadOnlyList<ActiveFault> Snapshot()
    {
        lock (_gate)
        {
            return _faults.ConvertAll(f => new ActiveFault(f.Id, f.Spec, f.Seen, f.Applied, f.Held));
        }
    }

    public FaultPlan Decide(string path, string query = "")
    {
        lock (_gate)
        {
            if (_faults.Count == 0)
            {
                return FaultPlan.None;
            }
            var delay = 0;
            FaultSpec? response = null, body = null;
            Task? hold = null;
            foreach (var fault in _faults)
            {
                if (fault.Spec.Path is { } filter && !path.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (fault.Spec.Query is { } text && !query.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (fault.Spec.Count is { } limit && fault.Applied >= limit)
                {
                    continue;
                }
                var seen = fault.Seen++;
                if (fault.Spec.Fraction is { } f && Math.Floor((seen + 1) * f) <= Math.Floor(seen * f))
                {
                    continue;
                }
                switch (fault.Spec.Kind)
                {
                    case "latency":
                        fault.Applied++;
                        delay += fault.Spec.DelayMs ?? RandomDelay(fault.Spec, fault.Id, seen);
                        break;
                    case "status" or "html" when response is null:
                        fault.Applied++;
                        response = fault.Spec;
                        break;
                    case "drop" or "truncate" when body is null && response is null:
                        fault.Applied++;
                        body = fault.Spec;
                        break;
                    case "hold" when hold is null:
                        fault.Applied++;
                        hold = fault.Hold();
                        break;
                }
            }
            // A hold that has hit its count stays listed (and holding) until it is released.
            _faults.RemoveAll(f => f.Spec.Count is { } n && f.Applied >= n && f.Spec.Kind != "hold");
            return new FaultPlan(delay, response, body, hold);
        }
    }

    private static int RandomDelay(FaultSpec spec, int id, int seen)
    {
        var min = spec.MinDelayMs ?? 0;
        var max = Math.Max(min, spec.MaxDelayMs ?? min);
        return min + (int)(Hash.Of((ulong)id, (ulong)seen) % (ulong)(max - min + 1));
    }

    private sealed class Entry(int id, FaultSpec spec)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;

        public int Id => id;
        public FaultSpec Spec => spec;
        public int Seen { get; set; }
        public int Applied { get; set; }

        // Requests waiting on this hold right now.
        public int Held => Volatile.Read(ref _held);

        public async Task Hold()
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _released.Task;
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        public void Release() => _released.TrySetResult();
    }
}
