using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Data;

// One object structure as served: the immutable base source plus small overlays for what the
// control API changed (touched, inserted, deleted records and added attributes). A record's content
// stays a pure function of its index and these overlays, so a million records cost nothing until read.
internal sealed class OsStore(IRecordSource source, RowstampClock clock, ulong seed)
{
    private readonly HashSet<int> _deleted = [];
    private readonly Dictionary<int, TouchMark> _touched = [];
    private readonly List<AddedAttribute> _added = [];
    private int _inserted;
    private long _operations;

    public ObjectStructure Structure => source.Structure;
    public IRecordSource Source => source;
    public int IndexCount => source.Count + _inserted;
    public int LiveCount => IndexCount - _deleted.Count;
    public int Inserted => _inserted;
    public int Deleted => _deleted.Count;
    public int Touched => _touched.Count - _inserted;
    public IReadOnlyList<string> AddedAttributes => _added.ConvertAll(a => a.Name);
    public IReadOnlyCollection<string> ChildNames => source.ChildNames;

    public bool IsLive(int index) => !_deleted.Contains(index);

    public long IdAt(int index) => source.IdAt(index);

    public long Rowstamp(int index) => _touched.TryGetValue(index, out var touch) ? touch.Rowstamp : source.RowstampAt(index);

    public bool RowstampsIncreaseWithIndex => source.RowstampsIncreaseWithIndex;

    // Indexes whose rowstamp was set by the overlay (touched or inserted): the only records a
    // rowstamp range can find below the base-rowstamp bound.
    public IEnumerable<int> OverlaidIndexes => _touched.Keys;

    public bool HasAttribute(string name) =>
        source.AttributeNames.Contains(name) || _added.Exists(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public Func<int, object?>? Accessor(string name)
    {
        var added = _added.Find(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        if (added is not null)
        {
            return index => added.ValueFor(source.IdAt(index));
        }
        if (string.Equals(name, "_rowstamp", StringComparison.OrdinalIgnoreCase))
        {
            return index => Rowstamp(index);
        }
        var baseAccessor = source.Accessor(name);
        if (baseAccessor is null || !Structure.HasChangeDate)
        {
            return baseAccessor;
        }
        if (string.Equals(name, "changedate", StringComparison.OrdinalIgnoreCase))
        {
            return index => _touched.TryGetValue(index, out var t) ? t.ChangeDate : baseAccessor(index);
        }
        if (string.Equals(name, "changeby", StringComparison.OrdinalIgnoreCase))
        {
            return index => _touched.ContainsKey(index) ? TouchMark.By : baseAccessor(index);
        }
        return baseAccessor;
    }

    public string RestIdAt(int index) => source.RestIdAt(index);

    public Rec Materialize(int index, Selection selection)
    {
        var rec = source.Materialize(index, selection);
        rec.RestId ??= source.RestIdAt(index);
        if (_touched.TryGetValue(index, out var touch))
        {
            rec.Rowstamp = touch.Rowstamp;
            if (Structure.HasChangeDate)
            {
                if (selection.Includes("changedate"))
                {
                    rec.Set("changedate", touch.ChangeDate);
                }
                if (selection.Includes("changeby"))
                {
                    rec.Set("changeby", TouchMark.By);
                }
            }
        }
        foreach (var added in _added)
        {
            if (selection.Includes(added.Name))
            {
                rec.Add(added.Name, added.ValueFor(source.IdAt(index)));
            }
        }
        return rec;
    }

    // What a page needs to write the record later: everything but the generated values, or the whole
    // record when the source cannot generate it while writing.
    public PageMember Snapshot(int index, Selection selection)
    {
        if (source is not GeneratedSource)
        {
            var rec = Materialize(index, selection);
            return new PageMember(index, rec.RestId!, rec.Rowstamp) { Materialized = rec };
        }
        var touched = _touched.TryGetValue(index, out var touch);
        List<KeyValuePair<string, object?>>? added = null;
        foreach (var attribute in _added)
        {
            if (selection.Includes(attribute.Name))
            {
                (added ??= []).Add(new(attribute.Name, attribute.ValueFor(source.IdAt(index))));
            }
        }
        return new PageMember(index, source.RestIdAt(index), touched ? touch!.Rowstamp : source.RowstampAt(index))
        {
            TouchedAt = touched && Structure.HasChangeDate ? touch!.ChangeDate : null,
            Added = added ?? (IReadOnlyList<KeyValuePair<string, object?>>)[],
        };
    }

    public const string TouchedBy = TouchMark.By;

    public int IndexOfId(long id)
    {
        var index = LowerBound(id);
        return index < IndexCount && source.IdAt(index) == id ? index : -1;
    }

    // First index whose unique id is >= id.
    public int LowerBound(long id)
    {
        int lo = 0, hi = IndexCount;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (source.IdAt(mid) < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    public IReadOnlyList<long> Touch(int count, IReadOnlyList<long>? ids, DateTimeOffset now)
    {
        var indexes = Choose(count, ids);
        foreach (var index in indexes)
        {
            _touched[index] = new TouchMark(clock.Next(), EasternTime.At(now));
        }
        return indexes.ConvertAll(IdAt);
    }

    public IReadOnlyList<long> Insert(int count, DateTimeOffset now)
    {
        if (!source.CanInsert)
        {
            throw new InvalidOperationException($"{Structure.Name} does not support inserts.");
        }
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            var index = source.Count + _inserted++;
            _touched[index] = new TouchMark(clock.Next(), EasternTime.At(now));
            ids.Add(IdAt(index));
        }
        return ids;
    }

    public IReadOnlyList<long> Delete(int count, IReadOnlyList<long>? ids)
    {
        var indexes = Choose(count, ids);
        foreach (var index in indexes)
        {
            _deleted.Add(index);
        }
        return indexes.ConvertAll(IdAt);
    }

    public void AddAttribute(string name, object? value) =>
        _added.Add(new AddedAttribute(name.ToLowerInvariant(), value));

    // Specific ids when given (unknown ones ignored), else `count` live records spread over the set.
    private List<int> Choose(int count, IReadOnlyList<long>? ids)
    {
        if (ids is { Count: > 0 })
        {
            return ids.Select(IndexOfId).Where(i => i >= 0 && IsLive(i)).Distinct().ToList();
        }
        var chosen = new List<int>(count);
        var seen = new HashSet<int>();
        var operation = (ulong)Interlocked.Increment(ref _operations);
        var limit = Math.Min(count, LiveCount);
        for (ulong attempt = 0; chosen.Count < limit && attempt < (ulong)limit * 50 + 1000; attempt++)
        {
            var index = (int)(Hash.Of(Hash.Of(seed, operation), attempt) % (ulong)IndexCount);
            if (IsLive(index) && seen.Add(index))
            {
                chosen.Add(index);
            }
        }
        chosen.Sort();
        return chosen;
    }

    private sealed record TouchMark(long Rowstamp, DateTimeOffset ChangeDate)
    {
        public const string By = "MXINTADM";
    }

    private sealed record AddedAttribute(string Name, object? Value)
    {
        // Without a given value each record gets its own, so a sync can tell them apart.
        public object? ValueFor(long id) => Value ?? $"{Name.ToUpperInvariant()}-{id}";
    }
}
