namespace MaximoOffline.Emulator.Data;

// One materialised record, ready to be written: attributes in Maximo's order (values are string,
// long, double, bool, DateTimeOffset, null or ExplicitNull), its rowstamp and selected children.
// Loaded records are kept this way; generated ones are materialised only for jsonschemas samples,
// since pages write them straight from their rows (GeneratedWriter).
internal sealed class Rec(int capacity = 16)
{
    public List<KeyValuePair<string, object?>> Attributes { get; } = new(capacity);
    public List<ChildSet>? Children { get; private set; }
    public long Rowstamp { get; set; }

    // The child's unique id, used in its localref; null for children that have none (downtimereport).
    public long? UniqueId { get; set; }

    // The member's rest id (roots only).
    public string? RestId { get; set; }

    // Whether oslc.select was * at this record's level (real servers then give no collection links).
    public bool SelectedAll { get; set; }

    public void Add(string name, object? value) => Attributes.Add(new(name, value));

    public void AddChildren(ChildSet set) => (Children ??= []).Add(set);

    public object? Get(string name)
    {
        foreach (var pair in Attributes)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value is ExplicitNull ? null : pair.Value;
            }
        }
        return null;
    }

    public void Set(string name, object? value)
    {
        for (var i = 0; i < Attributes.Count; i++)
        {
            if (string.Equals(Attributes[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                Attributes[i] = new(Attributes[i].Key, value);
                return;
            }
        }
        Add(name, value);
    }
}

// Name is the JSON key; Relation the localref segment (Maximo writes "user" for the maxuser array).
// LinkOnly: doclinks under oslc.select=*, written as a link object without its rows.
internal sealed record ChildSet(string Name, string Relation, bool IsDocLinks, IReadOnlyList<Rec> Rows, bool LinkOnly = false);

// Real servers send a few keys as explicit null even when nulls are being dropped.
internal sealed class ExplicitNull
{
    public static readonly ExplicitNull Value = new();

    private ExplicitNull()
    {
    }
}
