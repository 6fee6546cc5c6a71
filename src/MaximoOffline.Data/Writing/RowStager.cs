using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Turns the JSON objects of one table into rows: typed column values, the rowstamp, the raw JSON
/// without child arrays, the child arrays to write next, and the attributes that have no typed column.
/// </summary>
internal sealed class RowStager : IDisposable
{
    private static readonly JsonWriterOptions RawJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ReplicaTable _table;
    private readonly IReadOnlyList<ReplicaChild> _children;
    private readonly Dictionary<string, int[]> _columnsByAttribute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _childByJsonKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _untyped = new(StringComparer.Ordinal);
    private readonly HashSet<string> _untypedReported = new(StringComparer.Ordinal);

    // Records of one object structure list their attributes in the same order, so what was decided
    // for the attribute at each position of the last record is tried first for the next one: a
    // UTF-8 name comparison instead of a string allocation and a dictionary lookup per attribute.
    private readonly List<Attribute> _layout = [];
    private readonly ArrayBufferWriter<byte> _rawBuffer = new(4096);
    private readonly Utf8JsonWriter _rawWriter;

    public RowStager(ReplicaTable table, IReadOnlyList<ReplicaChild> children)
    {
        _table = table;
        _children = children;
        _rawWriter = new Utf8JsonWriter(_rawBuffer, RawJsonOptions);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var attribute = table.Columns[i].TopLevelAttribute;
            _columnsByAttribute[attribute] = _columnsByAttribute.TryGetValue(attribute, out var slots) ? [.. slots, i] : [i];
        }

        for (var i = 0; i < children.Count; i++)
        {
            _childByJsonKey[children[i].JsonKey] = i;
        }
    }

    /// <summary>Attributes without a typed column first seen since the last call (each is reported once per writer).</summary>
    public IReadOnlySet<string> TakeUntypedAttributes()
    {
        var fresh = _untyped.Where(_untypedReported.Add).ToHashSet(StringComparer.Ordinal);
        _untyped.Clear();
        return fresh;
    }

    /// <summary>Forgets attributes taken but not committed (their page rolled back), so they are reported again.</summary>
    public void ForgetUntyped(IEnumerable<string> names) => _untypedReported.ExceptWith(names);

    private enum AttributeKind
    {
        Column,
        Child,
        Rowstamp,
        Untyped,
        Decoration,
    }

    private sealed record Attribute(byte[] Utf8Name, string Name, AttributeKind Kind, int[] Slots, int Child);

    private Attribute Classify(string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        if (_columnsByAttribute.TryGetValue(name, out var slots))
        {
            return new Attribute(utf8, name, AttributeKind.Column, slots, -1);
        }

        if (_childByJsonKey.TryGetValue(name, out var child))
        {
            return new Attribute(utf8, name, AttributeKind.Child, [], child);
        }

        var kind = name == "_rowstamp" ? AttributeKind.Rowstamp : IsDecoration(name) ? AttributeKind.Decoration : AttributeKind.Untyped;
        return new Attribute(utf8, name, kind, [], -1);
    }

    public List<StagedRow> Stage(IReadOnlyList<RowInput> inputs)
    {
        var rows = new List<StagedRow>(inputs.Count);
        Dictionary<object, int>? positions = null;
        foreach (var input in inputs)
        {
            var row = StageOne(input);

            // The same object listed twice in one page (a document linked to two assets, a group under
            // each of its memberships) is one row: the last listing wins.
            positions ??= new Dictionary<object, int>(inputs.Count);
            if (positions.TryGetValue(row.Key, out var at))
            {
                rows[at] = row;
            }
            else
            {
                positions[row.Key] = rows.Count;
                rows.Add(row);
            }
        }

        return rows;
    }

    private StagedRow StageOne(RowInput input)
    {
        var element = input.Element;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ReplicaWriteException(
                $"A {_table.Name} record is not a JSON object (found {element.ValueKind}); the page was not written.");
        }

        var values = new object[_table.Columns.Count];
        Array.Fill(values, DBNull.Value);
        var children = _children.Count == 0 ? [] : new JsonElement[_children.Count];
        object rowstamp = DBNull.Value;
        var hasChildren = false;

        var position = 0;
        foreach (var property in element.EnumerateObject())
        {
            Attribute attribute;
            if (position < _layout.Count && property.NameEquals(_layout[position].Utf8Name))
            {
                attribute = _layout[position];
            }
            else
            {
                attribute = Classify(property.Name);
                if (position < _layout.Count)
                {
                    _layout[position] = attribute;
                }
                else
                {
                    _layout.Add(attribute);
                }
            }

            position++;
            switch (attribute.Kind)
            {
                case AttributeKind.Column:
                    foreach (var slot in attribute.Slots)
                    {
                        values[slot] = ReadColumn(property.Value, _table.Columns[slot]);
                    }

                    break;
                case AttributeKind.Child:
                    children[attribute.Child] = property.Value;
                    hasChildren = true;
                    break;
                case AttributeKind.Rowstamp:
                    rowstamp = Rowstamps.TryGet(property.Value, out var stamp) ? stamp : DBNull.Value;
                    break;
                case AttributeKind.Untyped:
                    _untyped.Add(attribute.Name);
                    break;
            }
        }

        object key;
        if (_table.HasPositionalKey)
        {
            key = string.Create(CultureInfo.InvariantCulture, $"{input.OwnerKey}/{input.Position}");
            values[0] = key;
        }
        else if (values[0] is DBNull)
        {
            throw new ReplicaWriteException(
                $"A {_table.Name} record has no '{_table.Key.SourcePath}', the unique id every {_table.Name} row is keyed by " +
                $"(record {input.Position + 1}{(input.OwnerKey is null ? "" : $" under {input.OwnerKey}")}: {Excerpt(element)}). " +
                "The page was not written; check that the object structure selects its unique id.");
        }
        else
        {
            key = values[0];
        }

        var raw = hasChildren ? RawWithoutChildren(element) : element.GetRawText();
        return new StagedRow(key, input.OwnerKey, values, rowstamp, raw, children);
    }

    private static object ReadColumn(JsonElement value, ReplicaColumn column)
    {
        for (var i = 1; i < column.SourceSegments.Length; i++)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(column.SourceSegments[i], out value))
            {
                return DBNull.Value;
            }
        }

        return JsonValues.Convert(value, column.Kind);
    }

    private string RawWithoutChildren(JsonElement element)
    {
        _rawBuffer.ResetWrittenCount();
        _rawWriter.Reset();
        _rawWriter.WriteStartObject();
        foreach (var property in element.EnumerateObject())
        {
            if (!_childByJsonKey.ContainsKey(property.Name))
            {
                property.WriteTo(_rawWriter);
            }
        }

        _rawWriter.WriteEndObject();
        _rawWriter.Flush();
        return Encoding.UTF8.GetString(_rawBuffer.WrittenSpan);
    }

    /// <summary>Links and bookkeeping Maximo adds to every object: not attributes of the record.</summary>
    internal static bool IsDecoration(string name) =>
        name is "href" or "localref" or "_rowstamp" || name.EndsWith("_collectionref", StringComparison.Ordinal);

    private static string Excerpt(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    public void Dispose() => _rawWriter.Dispose();
}
