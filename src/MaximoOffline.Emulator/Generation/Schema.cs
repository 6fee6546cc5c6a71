using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Generation;

internal delegate object? ValueFn(in Row row);

// Writes the attribute's name and value for a row straight to JSON (nothing when the value is null
// and nulls are dropped). Typed attributes have one so that serving a page boxes and formats nothing
// it does not have to; the rest are written from their ValueFn.
internal delegate void EmitFn(in Row row, JsonSink sink, JsonName name);

internal delegate double? AmountFn(in Row row);

internal delegate DateTimeOffset? DateFn(in Row row);

internal delegate bool FlagFn(in Row row);

internal delegate long? LongFn(in Row row);

// Describes names the attribute this one decorates (status_description describes status): it is
// written whenever that attribute is selected. Value and Emit always agree: Value is what filters,
// sorts and materialised records see, Emit what a streamed page writes.
internal sealed record AttributeDef(string Name, ValueFn Value, string? Describes = null, EmitFn? Emit = null)
{
    public void Write(in Row row, JsonSink sink, JsonName name)
    {
        if (Emit is { } emit)
        {
            emit(row, sink, name);
        }
        else
        {
            sink.Object(name, Value(row));
        }
    }
}

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

    // An attribute with a hand-written streamed form; it must write exactly what value gives.
    public SchemaBuilder Add(string name, ValueFn value, EmitFn emit)
    {
        _attributes.Add(new AttributeDef(name, value, Emit: emit));
        return this;
    }

    // Typed attributes: the boxed value (for filters and materialised records) and the streamed form
    // come from the same function.
    public SchemaBuilder Amount(string name, AmountFn value)
    {
        _attributes.Add(new AttributeDef(name, (in Row r) => value(r) is { } d ? d : null, Emit: (in Row r, JsonSink s, JsonName n) =>
        {
            if (value(r) is { } d)
            {
                s.Amount(n, d);
            }
            else
            {
                s.Null(n);
            }
        }));
        return this;
    }

    public SchemaBuilder Date(string name, DateFn value)
    {
        _attributes.Add(new AttributeDef(name, (in Row r) => value(r) is { } d ? d : null, Emit: (in Row r, JsonSink s, JsonName n) =>
        {
            if (value(r) is { } d)
            {
                s.Date(n, d);
            }
            else
            {
                s.Null(n);
            }
        }));
        return this;
    }

    public SchemaBuilder Flag(string name, FlagFn value)
    {
        _attributes.Add(new AttributeDef(name, (in Row r) => value(r),
            Emit: (in Row r, JsonSink s, JsonName n) => s.Boolean(n, value(r))));
        return this;
    }

    public SchemaBuilder Long(string name, LongFn value)
    {
        _attributes.Add(new AttributeDef(name, (in Row r) => value(r) is { } l ? l : null, Emit: (in Row r, JsonSink s, JsonName n) =>
        {
            if (value(r) is { } l)
            {
                s.Number(n, l);
            }
            else
            {
                s.Null(n);
            }
        }));
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
            var (value, emit) = FillerValues.For(name);
            _attributes.Add(new AttributeDef(name, value, Emit: emit));
        }
        return this;
    }

    // Keys real servers send as explicit nulls even when nulls are dropped.
    public SchemaBuilder AlwaysNull(params string[] names)
    {
        foreach (var name in names)
        {
            _attributes.Add(new AttributeDef(name, static (in Row _) => Data.ExplicitNull.Value,
                Emit: static (in Row _, JsonSink s, JsonName n) => s.ExplicitNull(n)));
        }
        return this;
    }

    public Schema Build() => new(_attributes);
}
