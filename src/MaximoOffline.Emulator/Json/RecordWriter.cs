using System.Globalization;
using System.Text.Json;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Query;

namespace MaximoOffline.Emulator.Json;

// Writes records as Maximo does, lean or namespaced: attributes, _rowstamp, href (members) or
// localref (children), child arrays, doclinks as an object, and *_collectionref links.
internal sealed class RecordWriter(Utf8JsonWriter w, ResponseStyle style)
{
    private static readonly JsonEncodedText RowstampName = JsonEncodedText.Encode("_rowstamp");
    private static readonly JsonEncodedText LocalRef = JsonEncodedText.Encode("localref");

    // Generated records share their attribute-name instances, so a by-reference cache makes the
    // name lookup for ~150 attributes a record nearly free.
    private readonly Dictionary<string, JsonEncodedText> _names = new(ReferenceEqualityComparer.Instance);

    private JsonEncodedText HrefName => style.Lean ? Names.Href : Names.About;

    private JsonEncodedText NameOf(string name)
    {
        if (!_names.TryGetValue(name, out var encoded))
        {
            encoded = PropertyNames.For(name, style.Lean);
            if (_names.Count < 10_000)
            {
                _names[name] = encoded;
            }
        }
        return encoded;
    }

    public void WriteMember(Rec rec, string href, IReadOnlyCollection<string> childNames, bool selected)
    {
        w.WriteStartObject();
        w.WriteString(HrefName, href);
        if (selected)
        {
            WriteBody(rec, href, childNames);
        }
        w.WriteEndObject();
    }

    private void WriteBody(Rec rec, string href, IReadOnlyCollection<string> childNames)
    {
        WriteAttributes(rec);
        WriteRowstamp(rec.Rowstamp);
        foreach (var set in rec.Children ?? [])
        {
            if (set.LinkOnly)
            {
                w.WritePropertyName(PropertyNames.For(set.Name, style.Lean));
                w.WriteStartObject();
                w.WriteString(style.Lean ? "href" : "rdf:resource", $"{href}/{set.Relation}");
                w.WriteEndObject();
            }
            else if (set.IsDocLinks)
            {
                WriteDocLinks(set, href);
            }
            else if (set.Rows.Count > 0)
            {
                WriteChildren(set, href);
            }
        }
        // See CollectionRefs: with * and no ignorecollectionref, real servers link nothing.
        var linked = style.CollectionRefs == CollectionRefs.Always ||
                     style.CollectionRefs == CollectionRefs.Default && !rec.SelectedAll;
        if (linked)
        {
            foreach (var child in childNames)
            {
                if (child != "doclinks")
                {
                    w.WriteString(PropertyNames.For(child + "_collectionref", true), $"{href}/{child}");
                }
            }
        }
    }

    private void WriteRowstamp(long rowstamp)
    {
        Span<byte> text = stackalloc byte[RowstampText.MaxLength];
        w.WriteString(RowstampName, text[..RowstampText.Write(rowstamp, style.RowstampFormat, text)]);
    }

    private void WriteChildren(ChildSet set, string parentRef)
    {
        w.WriteStartArray(PropertyNames.For(set.Name, style.Lean));
        for (var i = 0; i < set.Rows.Count; i++)
        {
            var row = set.Rows[i];
            var localRef = row.UniqueId is { } id
                ? $"{parentRef}/{set.Relation}/{i}-{id}"
                : $"{parentRef}/{set.Relation}/{i}";
            w.WriteStartObject();
            w.WriteString(LocalRef, localRef);
            WriteBody(row, localRef, []);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // doclinks is an object holding members whose properties sit in describedBy.
    private void WriteDocLinks(ChildSet set, string parentHref)
    {
        var collection = $"{parentHref}/doclinks";
        w.WritePropertyName(PropertyNames.For("doclinks", style.Lean));
        w.WriteStartObject();
        w.WriteString(HrefName, collection);
        w.WriteStartArray(style.Lean ? Names.Member : Names.RdfsMember);
        for (var i = 0; i < set.Rows.Count; i++)
        {
            var row = set.Rows[i];
            w.WriteStartObject();
            w.WriteString(HrefName, $"{collection}/{row.UniqueId}");
            w.WriteString(LocalRef, $"{collection}/{i}-{row.UniqueId}");
            w.WritePropertyName(style.Lean ? "describedBy" : "wdrs:describedBy");
            w.WriteStartObject();
            foreach (var (name, value) in row.Attributes)
            {
                if (name == "format")
                {
                    w.WritePropertyName(style.Lean ? "format" : "dcterms:format");
                    w.WriteStartObject();
                    w.WriteString(style.Lean ? "label" : "rdfs:label", value as string);
                    w.WriteString(HrefName, $"http://purl.org/NET/mediatypes/{value}");
                    w.WriteEndObject();
                    continue;
                }
                if (ShouldWrite(value))
                {
                    w.WritePropertyName(style.Lean ? name : DocLinkName(name));
                    WriteValue(value);
                }
            }
            w.WriteString(HrefName, $"{collection}/meta/{row.UniqueId}");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string DocLinkName(string name) => name switch
    {
        "title" or "description" or "identifier" or "created" or "modified" => "dcterms:" + name,
        "attachmentSize" => "oslc_cm:" + name,
        _ => "spi:" + name,
    };

    private void WriteAttributes(Rec rec)
    {
        foreach (var (name, value) in rec.Attributes)
        {
            if (ShouldWrite(value))
            {
                w.WritePropertyName(NameOf(name));
                WriteValue(value);
            }
        }
    }

    private bool ShouldWrite(object? value) => value is not null || !style.DropNulls;

    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
            case ExplicitNull:
                w.WriteNullValue();
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case double d:
                w.WriteNumberValue(d);
                break;
            case decimal m:
                w.WriteNumberValue(m);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case DateTimeOffset date:
                Span<byte> buffer = stackalloc byte[DateFormat.Length];
                DateFormat.Write(date, buffer);
                w.WriteStringValue(buffer);
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

internal static class Names
{
    public static readonly JsonEncodedText Href = JsonEncodedText.Encode("href");
    public static readonly JsonEncodedText About = JsonEncodedText.Encode("rdf:about");
    public static readonly JsonEncodedText Member = JsonEncodedText.Encode("member");
    public static readonly JsonEncodedText RdfsMember = JsonEncodedText.Encode("rdfs:member");
}
