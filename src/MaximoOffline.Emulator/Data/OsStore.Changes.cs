using System.Collections.Immutable;
using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Data;

// The control API's changes to one object structure, made under the dataset's write lock.
internal sealed partial class OsStore
{
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
}
