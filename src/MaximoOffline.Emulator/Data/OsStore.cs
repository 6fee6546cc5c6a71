using System.Collections.Immutable;
using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Data;

// One object structure as served: the immutable base source plus small overlays for what the
// control API changed (touched, changed, inserted and deleted records, their children, added
// attributes). A record's content stays a pure function of its index and these overlays, so a
// million records cost nothing until read. The changes themselves are in OsStore.Changes.cs.
internal sealed partial class OsStore(IRecordSource source, RowstampClock clock, ulong seed)
{
    // Inserted child rows are generated from indexes far above any generated row's.
    private const long InsertedChildBase = 1_000_000_000_000L;

    private readonly HashSet<int> _deleted = [];
    private readonly Dictionary<int, RecordMark> _marks = [];
    private readonly HashSet<string> _setNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, ImmutableDictionary<string, ChildOverlay>> _childEdits = [];
    private readonly List<AddedAttribute> _added = [];
    private int _inserted;
    private long _insertedChildren;
    private long _operations;

    public ObjectStructure Structure => source.Structure;
    public IRecordSource Source => source;
    public int IndexCount => source.Count + _inserted;
    public int LiveCount => IndexCount - _deleted.Count;
    public int Inserted => _inserted;
    public int Deleted => _deleted.Count;
    public int Touched => _marks.Count - _inserted;
    public int ChildrenChanged => _childEdits.Count;
    public IReadOnlyList<string> AddedAttributes => _added.ConvertAll(a => a.Name);
    public IReadOnlyCollection<string> ChildNames => source.ChildNames;

    public bool IsLive(int index) => !_deleted.Contains(index);

    public long IdAt(int index) => source.IdAt(index);

    public long Rowstamp(int index) => _marks.TryGetValue(index, out var mark) ? mark.Rowstamp : source.RowstampAt(index);

    public bool RowstampsIncreaseWithIndex => source.RowstampsIncreaseWithIndex;

    // Indexes whose rowstamp was set by the overlay (touched, changed or inserted): the only records
    // a rowstamp range can find below the base-rowstamp bound. Child changes never stamp the parent.
    public IEnumerable<int> OverlaidIndexes => _marks.Keys;

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
        if (baseAccessor is null)
        {
            return null;
        }
        if (Structure.HasChangeDate && string.Equals(name, "changedate", StringComparison.OrdinalIgnoreCase))
        {
            return index => _marks.TryGetValue(index, out var m) ? m.ChangeDate : baseAccessor(index);
        }
        if (Structure.HasChangeDate && string.Equals(name, "changeby", StringComparison.OrdinalIgnoreCase))
        {
            return index => _marks.ContainsKey(index) ? RecordMark.By : baseAccessor(index);
        }
        if (!_setNames.Contains(name))
        {
            return baseAccessor;
        }
        return index => _marks.TryGetValue(index, out var m) && m.Values is { } values && values.TryGetValue(name, out var value)
            ? value
            : baseAccessor(index);
    }

    public string RestIdAt(int index) => source.RestIdAt(index);

    public Rec Materialize(int index, Selection selection)
    {
        var rec = source.Materialize(index, selection);
        rec.RestId ??= source.RestIdAt(index);
        if (_marks.TryGetValue(index, out var mark))
        {
            rec.Rowstamp = mark.Rowstamp;
            foreach (var (name, value) in mark.Values ?? ImmutableDictionary<string, object?>.Empty)
            {
                if (selection.Includes(name))
                {
                    rec.Set(name, value);
                }
            }
            if (Structure.HasChangeDate)
            {
                if (selection.Includes("changedate"))
                {
                    rec.Set("changedate", mark.ChangeDate);
                }
                if (selection.Includes("changeby"))
                {
                    rec.Set("changeby", RecordMark.By);
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
        var marked = _marks.TryGetValue(index, out var mark);
        List<KeyValuePair<string, object?>>? added = null;
        foreach (var attribute in _added)
        {
            if (selection.Includes(attribute.Name))
            {
                (added ??= []).Add(new(attribute.Name, attribute.ValueFor(source.IdAt(index))));
            }
        }
        return new PageMember(index, source.RestIdAt(index), marked ? mark!.Rowstamp : source.RowstampAt(index))
        {
            TouchedAt = marked && Structure.HasChangeDate ? mark!.ChangeDate : null,
            Values = marked ? mark!.Values : null,
            ChildEdits = _childEdits.GetValueOrDefault(index),
            Added = added ?? (IReadOnlyList<KeyValuePair<string, object?>>)[],
        };
    }

    public const string TouchedBy = RecordMark.By;

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

    // What the control API did to a record: its new rowstamp and change date, and the values it set.
    private sealed record RecordMark(long Rowstamp, DateTimeOffset ChangeDate, ImmutableDictionary<string, object?>? Values)
    {
        public const string By = "MXINTADM";
    }

    private sealed record AddedAttribute(string Name, object? Value)
    {
        // Without a given value each record gets its own, so a sync can tell them apart.
        public object? ValueFor(long id) => Value ?? $"{Name.ToUpperInvariant()}-{id}";
    }
}
