using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// RowIndex seeds the child's values; Id is its unique id (null for children that have none).
internal readonly record struct Slot(long RowIndex, long? Id);

internal delegate IReadOnlyList<Slot> SlotFn(in Row parent);

// One child row as served: its slot, the ordinal its values are generated with (its place among the
// generated rows, so deleting one row leaves the others as they were), its rowstamp and the values
// the control API set on it.
internal readonly record struct ChildRow(Slot Slot, int Ordinal, long Rowstamp, IReadOnlyDictionary<string, object?>? Values);

// A generated child relation (assetmeter, groupuser, ...). Its rows are a pure function of the
// parent row, so they are built only for the records of a page that selects them.
internal sealed class ChildTable(
    string name,
    string relation,
    Schema schema,
    long rowstampRegion,
    SlotFn slots,
    bool isDocLinks = false,
    IReadOnlyList<ChildTable>? nested = null,
    string? idAttribute = null)
{
    private readonly ulong _salt = Hash.OfName(name);

    public string Name => name;
    public string Relation => relation;
    public Schema Schema => schema;
    public bool IsDocLinks => isDocLinks;
    public IReadOnlyList<ChildTable> Nested => nested ?? [];

    // The child's unique id attribute; null for rows that have none (downtimereport, transfercuritem).
    public string? IdAttribute { get; } = idAttribute ?? schema.Find(name + "id")?.Name;

    public IReadOnlyList<Slot> SlotsOf(in Row parent) => slots(parent);

    public Row RowOf(in Row parent, Slot slot, int ordinal) => new(parent.Seed, _salt, slot.RowIndex, parent.Index, ordinal);

    public long RowstampOf(Slot slot) => rowstampRegion + (slot.Id ?? slot.RowIndex);

    // The rows as served: the generated ones less those deleted, with their edits, then the inserted ones.
    public List<ChildRow> RowsOf(in Row parent, ChildOverlay? overlay)
    {
        var generated = slots(parent);
        var rows = new List<ChildRow>(generated.Count + (overlay?.Inserted.Count ?? 0));
        for (var i = 0; i < generated.Count; i++)
        {
            var slot = generated[i];
            if (overlay is null)
            {
                rows.Add(new ChildRow(slot, i, RowstampOf(slot), null));
            }
            else if (!overlay.Deleted.Contains(slot.RowIndex))
            {
                rows.Add(overlay.Updated.TryGetValue(slot.RowIndex, out var edit)
                    ? new ChildRow(slot, i, edit.Rowstamp, edit.Values)
                    : new ChildRow(slot, i, RowstampOf(slot), null));
            }
        }
        if (overlay is not null)
        {
            for (var k = 0; k < overlay.Inserted.Count; k++)
            {
                var inserted = overlay.Inserted[k];
                if (!overlay.Deleted.Contains(inserted.RowIndex))
                {
                    rows.Add(new ChildRow(new Slot(inserted.RowIndex, inserted.Id), generated.Count + k, inserted.Rowstamp, inserted.Values));
                }
            }
        }
        return rows;
    }

    // The unique id a row inserted at this generation index gets.
    public long? IdOfNewRow(in Row parent, long rowIndex, int ordinal) =>
        IdAttribute is { } id && schema.Find(id)?.Value(RowOf(parent, new Slot(rowIndex, null), ordinal)) is { } value
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public ChildSet Materialize(in Row parent, Selection selection, ChildOverlay? overlay = null)
    {
        var rows = RowsOf(parent, overlay);
        var recs = new List<Rec>(rows.Count);
        foreach (var childRow in rows)
        {
            var row = RowOf(parent, childRow.Slot, childRow.Ordinal);
            var rec = new Rec(schema.Attributes.Count) { UniqueId = childRow.Slot.Id, Rowstamp = childRow.Rowstamp };
            foreach (var attribute in schema.Attributes)
            {
                if (selection.Includes(attribute.Describes ?? attribute.Name))
                {
                    rec.Add(attribute.Name, attribute.ValueWith(row, childRow.Values));
                }
            }
            foreach (var child in nested ?? [])
            {
                if (selection.Child(child.Name, child.IsDocLinks) is { } childSelection)
                {
                    rec.AddChildren(child.Materialize(row, childSelection));
                }
            }
            recs.Add(rec);
        }
        return new ChildSet(name, relation, isDocLinks, recs);
    }

    // The common shape: between min and max rows per parent, ids from a per-table range.
    public static SlotFn PerParent(int min, int max, long idBase, bool withId = true)
    {
        var key = Hash.OfName($"{idBase}/{min}/{max}");
        return (in Row parent) =>
        {
            var count = parent.Int(key, min, max + 1);
            if (count == 0)
            {
                return [];
            }
            var result = new Slot[count];
            for (var j = 0; j < count; j++)
            {
                var rowIndex = parent.Index * max + j;
                result[j] = new Slot(rowIndex, withId ? idBase + rowIndex : null);
            }
            return result;
        };
    }
}
