using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// RowIndex seeds the child's values; Id is its unique id (null for children that have none).
internal readonly record struct Slot(long RowIndex, long? Id);

internal delegate IReadOnlyList<Slot> SlotFn(in Row parent);

// A generated child relation (assetmeter, groupuser, ...). Its rows are a pure function of the
// parent row, so they are built only for the records of a page that selects them.
internal sealed class ChildTable(
    string name,
    string relation,
    Schema schema,
    long rowstampRegion,
    SlotFn slots,
    bool isDocLinks = false,
    IReadOnlyList<ChildTable>? nested = null)
{
    private readonly ulong _salt = Hash.OfName(name);

    public string Name => name;
    public string Relation => relation;
    public Schema Schema => schema;
    public bool IsDocLinks => isDocLinks;
    public IReadOnlyList<ChildTable> Nested => nested ?? [];

    public IReadOnlyList<Slot> SlotsOf(in Row parent) => slots(parent);

    public Row RowOf(in Row parent, Slot slot, int ordinal) => new(parent.Seed, _salt, slot.RowIndex, parent.Index, ordinal);

    public long RowstampOf(Slot slot) => rowstampRegion + (slot.Id ?? slot.RowIndex);

    public ChildSet Materialize(in Row parent, Selection selection)
    {
        var parentSlots = slots(parent);
        var rows = new List<Rec>(parentSlots.Count);
        for (var j = 0; j < parentSlots.Count; j++)
        {
            var slot = parentSlots[j];
            var row = new Row(parent.Seed, _salt, slot.RowIndex, parent.Index, j);
            var rec = new Rec(schema.Attributes.Count)
            {
                UniqueId = slot.Id,
                Rowstamp = rowstampRegion + (slot.Id ?? slot.RowIndex),
            };
            foreach (var attribute in schema.Attributes)
            {
                if (selection.Includes(attribute.Describes ?? attribute.Name))
                {
                    rec.Add(attribute.Name, attribute.Value(row));
                }
            }
            foreach (var child in nested ?? [])
            {
                if (selection.Child(child.Name) is { } childSelection)
                {
                    rec.AddChildren(child.Materialize(row, childSelection));
                }
            }
            rows.Add(rec);
        }
        return new ChildSet(name, relation, isDocLinks, rows);
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
