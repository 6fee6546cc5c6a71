namespace MaximoOffline.Emulator.Generation;

internal delegate object? ValueFn(in Row row);

// Describes names the attribute this one decorates (status_description describes status): it is
// written whenever that attribute is selected.
internal sealed record AttributeDef(string Name, ValueFn Value, string? Describes = null);

// The attributes of one generated table, in the order Maximo writes them.
internal sealed class Schema
{
    private readonly Dictionary<string, AttributeDef> _byName;

    public Schema(IReadOnlyList<AttributeDef> attributes)
    {
        Attributes = attributes;
        _byName = attributes.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        Names = attributes.Where(a => a.Describes is null).Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<AttributeDef> Attributes { get; }
    public IReadOnlyCollection<string> Names { get; }

    public AttributeDef? Find(string name) => _byName.GetValueOrDefault(name);
}

internal sealed class SchemaBuilder
{
    private readonly List<AttributeDef> _attributes = [];

    public SchemaBuilder Add(string name, ValueFn value)
    {
        _attributes.Add(new AttributeDef(name, value));
        return this;
    }

    public SchemaBuilder Described(string name, ValueFn value, Func<string, string> describe)
    {
        _attributes.Add(new AttributeDef(name, value));
        _attributes.Add(new AttributeDef(name + "_description", (in Row r) => value(r) is string code ? describe(code) : null, name));
        return this;
    }

    // Attributes whose value only has to look plausible: generated from the name (see FillerValues).
    public SchemaBuilder Filler(params string[] names)
    {
        foreach (var name in names)
        {
            _attributes.Add(new AttributeDef(name, FillerValues.For(name)));
        }
        return this;
    }

    // Keys real servers send as explicit nulls even when nulls are dropped.
    public SchemaBuilder AlwaysNull(params string[] names)
    {
        foreach (var name in names)
        {
            _attributes.Add(new AttributeDef(name, static (in Row _) => Data.ExplicitNull.Value));
        }
        return this;
    }

    public Schema Build() => new(_attributes);
}
