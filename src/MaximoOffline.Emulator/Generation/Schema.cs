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
// written whenever that attribute is selected, and Describer turns a value the control API set on
// that attribute into its description. Value and Emit always agree: Value is what filters, sorts and
// materialised records see, Emit what a streamed page writes.
internal sealed record AttributeDef(string Name, ValueFn Value, string? Describes = null, EmitFn? Emit = null, Func<string, string>? Describer = null)
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

    // As Write, but a value the control API set (on this attribute, or on the one it describes) wins.
    public void Write(in Row row, IReadOnlyDictionary<string, object?>? values, JsonSink sink, JsonName name)
    {
        if (values is not null && TryGetSet(values, out var value))
        {
            sink.Object(name, value);
        }
        else
        {
            Write(row, sink, name);
        }
    }

    public object? ValueWith(in Row row, IReadOnlyDictionary<string, object?>? values) =>
        values is not null && TryGetSet(values, out var value) ? value : Value(row);

    private bool TryGetSet(IReadOnlyDictionary<string, object?> values, out object? value)
    {
        if (Describes is null)
        {
            return values.TryGetValue(Name, out value);
        }
        if (values.TryGetValue(Describes, out var described))
        {
            value = Describer is { } describe ? SchemaBuilder.Describe(described, describe) : null;
            return true;
        }
        value = null;
        return false;
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

    public SchemaBuilder Add(AttributeDef attribute)
    {
        _attributes.Add(attribute);
        return this;
    }

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

    // An attribute bound to a domain, followed by its {name}_description (codes may be numbers).
    public SchemaBuilder Described(string name, ValueFn value, Func<string, string> describe)
    {
        _attributes.Add(new AttributeDef(name, value));
        _attributes.Add(new AttributeDef(name + "_description", (in Row r) => Describe(value(r), describe), name, Describer: describe));
        return this;
    }

    // A domain-bound code picked from the domain (evenly), null a fifth of the time, with its description.
    public SchemaBuilder Described(string name, params (string Value, string Description)[] domain)
    {
        var salt = Hash.OfName(name);
        return Described(name, (in Row r) => r.Chance(salt, 20) ? null : r.Pick(salt + 1, domain).Value, Statuses.Describer(domain));
    }

    public static string? Describe(object? value, Func<string, string> describe) =>
        value is null ? null : describe(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);

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

    // Filler attributes of a known JSON type (see FillerKind), as real responses type them.
    public SchemaBuilder Fill(FillerKind kind, params string[] names)
    {
        foreach (var name in names)
        {
            var (value, emit) = FillerValues.For(name, kind);
            _attributes.Add(new AttributeDef(name, value, Emit: emit));
        }
        return this;
    }

    public SchemaBuilder Flags(params string[] names) => Fill(FillerKind.Flag, names);

    public SchemaBuilder Amounts(params string[] names) => Fill(FillerKind.Amount, names);

    public SchemaBuilder Dates(params string[] names) => Fill(FillerKind.Date, names);

    public SchemaBuilder Codes(params string[] names) => Fill(FillerKind.Code, names);

    public Schema Build() => new(_attributes);
}
