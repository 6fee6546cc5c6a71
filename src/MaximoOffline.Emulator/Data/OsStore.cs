using System.Collections.Immutable;
using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Data;

// One object structure as served: the immutable base source plus small overlays for what the
// control API changed (touched, changed, inserted and deleted records, their children, added
// attributes). A record's content stays a pure function of its index and these overlays, so a
// million records cost nothing until read.
internal sealed class OsStore(IRecordSource source, RowstampClock clock, ulong seed)
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

    public IReadOnlyList<long> Touch(int count, IReadOnlyList<long>? ids, DateTimeOffset now) =>
        Set(count, ids, ImmutableDictionary<string, object?>.Empty, now);

    // Changes attributes as a user in Maximo would: a new rowstamp and change date (and status date
    // when the status changes); filters, counts and deltas see the new values.
    public IReadOnlyList<long> Set(int count, IReadOnlyList<long>? ids, IReadOnlyDictionary<string, object?> values, DateTimeOffset now)
    {
        var indexes = Choose(count, ids);
        var coerced = Coerce(values, indexes);
        var changedAt = EasternTime.At(now);
        if (coerced.ContainsKey("status") && source.AttributeNames.Contains("statusdate") && !coerced.ContainsKey("statusdate"))
        {
            coerced["statusdate"] = changedAt;
        }
        _setNames.UnionWith(coerced.Keys);
        foreach (var index in indexes)
        {
            var merged = _marks.GetValueOrDefault(index)?.Values ?? ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
            _marks[index] = new RecordMark(clock.Next(), changedAt, merged.SetItems(coerced));
        }
        return indexes.ConvertAll(IdAt);
    }

    private Dictionary<string, object?> Coerce(IReadOnlyDictionary<string, object?> values, List<int> indexes)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values)
        {
            if (!source.AttributeNames.Contains(name))
            {
                throw new ChangeRefused($"{Structure.Name} has no attribute {name}.");
            }
            if (Structure.NaturalKey.Contains(name, StringComparer.OrdinalIgnoreCase) || string.Equals(name, Structure.UniqueId, StringComparison.OrdinalIgnoreCase) ||
                name.ToLowerInvariant() is "changedate" or "changeby" or "_rowstamp")
            {
                throw new ChangeRefused($"{name} is not changed this way: keys and ids identify the record; changedate, changeby and _rowstamp move by themselves.");
            }
            var accessor = source.Accessor(name)!;
            var sample = indexes.Select(i => accessor(i)).FirstOrDefault(v => v is not null)
                ?? Enumerable.Range(0, Math.Min(IndexCount, 200)).Select(i => accessor(i)).FirstOrDefault(v => v is not null);
            coerced[name.ToLowerInvariant()] = ChangeRefused.Wrap(() => ValueCoercion.Coerce(name, value, sample));
        }
        return coerced;
    }

    // A change to one child row alone, as a storeroom issue changes an invbalances row or a meter
    // reading an assetmeter row: the row gets a new rowstamp, the parent keeps its own rowstamp and
    // change date, so a rowstamp delta does not return it.
    public ChildChange ChangeChild(long parentId, string childName, ChildAction action, long? childId, int? position, IReadOnlyDictionary<string, object?> values)
    {
        var index = IndexOfId(parentId);
        if (index < 0 || !IsLive(index))
        {
            throw new ChangeRefused($"{Structure.Name} has no record {parentId}.", 404);
        }
        if (source is not GeneratedSource generated)
        {
            throw new ChangeRefused("Child rows can be changed in generated data only.");
        }
        var table = generated.Children.FirstOrDefault(c => string.Equals(c.Name, childName, StringComparison.OrdinalIgnoreCase) && !c.IsDocLinks)
            ?? throw new ChangeRefused($"{Structure.Name} has no child relation {childName} that can be changed (doclinks cannot).");
        var parent = generated.RowAt(index);
        var edits = _childEdits.GetValueOrDefault(index) ?? ImmutableDictionary<string, ChildOverlay>.Empty;
        var overlay = edits.GetValueOrDefault(table.Name) ?? ChildOverlay.Empty;
        var rows = table.RowsOf(parent, overlay);
        ChildChange change;
        if (action == ChildAction.Insert)
        {
            var rowIndex = InsertedChildBase + ++_insertedChildren;
            var ordinal = table.SlotsOf(parent).Count + overlay.Inserted.Count;
            var id = table.IdOfNewRow(parent, rowIndex, ordinal);
            var coerced = CoerceChild(table, parent, new ChildRow(new Slot(rowIndex, id), ordinal, 0, null), rows, values);
            var rowstamp = clock.Next();
            overlay = overlay with { Inserted = overlay.Inserted.Add(new InsertedRow(rowIndex, id, rowstamp, coerced)) };
            change = new ChildChange(parentId, table.Name, "insert", id, rows.Count, rowstamp);
        }
        else
        {
            var at = childId is { } wanted ? rows.FindIndex(r => r.Slot.Id == wanted) : position ?? 0;
            if (at < 0 || at >= rows.Count)
            {
                throw new ChangeRefused($"Record {parentId} has no {table.Name} row {(childId is null ? $"at position {position ?? 0}" : $"with id {childId}")}.", 404);
            }
            var target = rows[at];
            var key = target.Slot.RowIndex;
            if (action == ChildAction.Delete)
            {
                overlay = overlay with { Deleted = overlay.Deleted.Add(key) };
                change = new ChildChange(parentId, table.Name, "delete", target.Slot.Id, at, null);
            }
            else
            {
                var merged = new Dictionary<string, object?>(target.Values ?? ImmutableDictionary<string, object?>.Empty, StringComparer.OrdinalIgnoreCase);
                foreach (var (name, value) in CoerceChild(table, parent, target, rows, values))
                {
                    merged[name] = value;
                }
                var rowstamp = clock.Next();
                var insertedAt = overlay.Inserted.FindIndex(r => r.RowIndex == key);
                overlay = insertedAt >= 0
                    ? overlay with { Inserted = overlay.Inserted.SetItem(insertedAt, overlay.Inserted[insertedAt] with { Rowstamp = rowstamp, Values = merged }) }
                    : overlay with { Updated = overlay.Updated.SetItem(key, new RowEdit(rowstamp, merged)) };
                change = new ChildChange(parentId, table.Name, "update", target.Slot.Id, at, rowstamp);
            }
        }
        _childEdits[index] = edits.SetItem(table.Name, overlay);
        return change;
    }

    private static Dictionary<string, object?> CoerceChild(ChildTable table, in Row parent, ChildRow target, List<ChildRow> rows, IReadOnlyDictionary<string, object?> values)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in values)
        {
            var def = table.Schema.Find(name);
            if (def is null || def.Describes is not null || string.Equals(name, table.IdAttribute, StringComparison.OrdinalIgnoreCase))
            {
                throw new ChangeRefused($"{table.Name} has no attribute {name} that can be changed.");
            }
            var sample = def.Value(table.RowOf(parent, target.Slot, target.Ordinal));
            foreach (var other in rows)
            {
                sample ??= def.Value(table.RowOf(parent, other.Slot, other.Ordinal));
            }
            coerced[def.Name] = ChangeRefused.Wrap(() => ValueCoercion.Coerce(name, value, sample));
        }
        return coerced;
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
            _marks[index] = new RecordMark(clock.Next(), EasternTime.At(now), null);
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

internal enum ChildAction
{
    Update,
    Insert,
    Delete,
}

// What a child change did: the row's id (null for rows without one), its position among the
// relation's rows and its new rowstamp (null for a delete).
internal sealed record ChildChange(long Parent, string Child, string Action, long? ChildId, int Position, long? Rowstamp);

// A control-API change the emulator will not make, with the status to answer.
internal sealed class ChangeRefused(string message, int status = 400) : Exception(message)
{
    public int Status => status;

    public static T Wrap<T>(Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (ArgumentException e)
        {
            throw new ChangeRefused(e.Message);
        }
    }
}
