using System.Security.Cryptography;
using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Query;

// stablepaging=1: the first request keeps the matching records (their indexes, nothing more) under a
// stable id that nextPage carries (stableId=...). Pages are forward only: a page once served, or any
// before it, is gone (404 BMXAA8727E, as IBM's guide says pages expire as they are delivered). A
// set expires when idle longer than the configured time (mxe.oslc.idleexpiry, 5 minutes) or when
// its last page is served. At most MaxSets are kept; opening another drops the least recently used.
internal sealed class StablePages(TimeProvider time)
{
    public const int MaxSets = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, StableSet> _sets = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sets.Count;
            }
        }
    }

    // Keeps a set whose page `served` is being answered (unless that page is its last).
    public StableSet Open(Dataset data, string objectStructure, int[] indexes, int pageSize, long? maxRowstamp, int served, TimeSpan idle)
    {
        var set = new StableSet(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), data, objectStructure, indexes, pageSize, maxRowstamp)
        {
            LastPage = served,
            LastAccess = time.GetUtcNow(),
        };
        lock (_gate)
        {
            Expire(idle);
            while (_sets.Count >= MaxSets)
            {
                _sets.Remove(_sets.Values.MinBy(s => s.LastAccess)!.Id);
            }
            if (!set.IsFinished(served))
            {
                _sets[set.Id] = set;
            }
        }
        return set;
    }

    // The set, if page `pageNo` of it can still be served; it then counts as served.
    public StableSet? Take(string id, Dataset data, string objectStructure, int pageNo, TimeSpan idle)
    {
        lock (_gate)
        {
            Expire(idle);
            if (!_sets.TryGetValue(id, out var set) || set.Data != data ||
                !string.Equals(set.ObjectStructure, objectStructure, StringComparison.OrdinalIgnoreCase) || pageNo <= set.LastPage)
            {
                return null;
            }
            set.LastPage = pageNo;
            set.LastAccess = time.GetUtcNow();
            if (set.IsFinished(pageNo))
            {
                _sets.Remove(id);
            }
            return set;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sets.Clear();
        }
    }

    private void Expire(TimeSpan idle)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _sets.Values.Where(s => now - s.LastAccess > idle).ToList())
        {
            _sets.Remove(stale.Id);
        }
    }
}

internal sealed class StableSet(string id, Dataset data, string objectStructure, int[] indexes, int pageSize, long? maxRowstamp)
{
    public string Id => id;
    public Dataset Data => data;
    public string ObjectStructure => objectStructure;
    public int[] Indexes => indexes;
    public int PageSize => pageSize;
    public long? MaxRowstamp => maxRowstamp;
    public int LastPage { get; set; }
    public DateTimeOffset LastAccess { get; set; }

    public bool IsFinished(int pageNo) => (long)pageNo * pageSize >= indexes.Length;

    public ArraySegment<int> Page(int pageNo)
    {
        var start = (int)Math.Min((long)(pageNo - 1) * pageSize, indexes.Length);
        return new ArraySegment<int>(indexes, start, Math.Min(pageSize, indexes.Length - start));
    }
}
