using System.Globalization;
using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// An object structure whose records are generated on demand from (seed, index). Nothing is stored:
// serving a page builds just that page's records, whatever the scale.
internal sealed class GeneratedSource(
    ObjectStructure structure,
    Schema schema,
    int count,
    ulong seed,
    IdSequence ids,
    long rowstampRegion,
    IReadOnlyList<ChildTable> children) : IRecordSource
{
    private readonly ulong _salt = Hash.OfName(structure.MainTable);
    private readonly AttributeDef[] _keys = structure.NaturalKey.Select(k => schema.Find(k)!).ToArray();

    public ObjectStructure Structure => structure;
    public int Count => count;
    public bool CanInsert => true;
    public bool RowstampsIncreaseWithIndex => true;
    public IReadOnlyCollection<string> AttributeNames => schema.Names;
    public IReadOnlyCollection<string> ChildNames { get; } = children.Select(c => c.Name).ToArray();

    public Schema Schema => schema;
    public IReadOnlyList<ChildTable> Children => children;

    public Row RowAt(long index) => new(seed, _salt, index);

    /// <summary>The same object structure without some of its top-level children (a server whose own object structure leaves them out).</summary>
    public GeneratedSource Without(IReadOnlyCollection<string> childNames) => childNames.Count == 0
        ? this
        : new GeneratedSource(structure, schema, count, seed, ids, rowstampRegion,
            [.. children.Where(c => !childNames.Contains(c.Name, StringComparer.OrdinalIgnoreCase))]);

    public long IdAt(int index) => ids.At(index);

    public long RowstampAt(int index) => rowstampRegion + ids.At(index);

    public string RestIdAt(int index)
    {
        var row = RowAt(index);
        var values = new string[_keys.Length];
        for (var i = 0; i < _keys.Length; i++)
        {
            values[i] = Convert.ToString(_keys[i].Value(row), CultureInfo.InvariantCulture) ?? "";
        }
        return RestId.Encode(values);
    }

    public Func<int, object?>? Accessor(string attribute)
    {
        var def = schema.Find(attribute);
        if (def is null || def.Describes is not null)
        {
            return null;
        }
        return index => def.Value(RowAt(index));
    }

    public Rec Materialize(int index, Selection selection)
    {
        var row = RowAt(index);
        var rec = new Rec(schema.Attributes.Count) { Rowstamp = RowstampAt(index), SelectedAll = selection.All };
        foreach (var attribute in schema.Attributes)
        {
            if (selection.Includes(attribute.Describes ?? attribute.Name))
            {
                rec.Add(attribute.Name, attribute.Value(row));
            }
        }
        foreach (var child in children)
        {
            if (selection.Child(child.Name, child.IsDocLinks) is { } childSelection)
            {
                rec.AddChildren(child.Materialize(row, childSelection));
            }
        }
        return rec;
    }
}
