using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;
using MaximoOffline.Emulator.Query;

namespace MaximoOffline.Emulator.Generation;

// Writes generated records straight from (seed, index) to the Utf8JsonWriter, in exactly the form
// RecordWriter gives their materialised Rec: no intermediate record, values written typed, names and
// selection decided once per request (TablePlan), references built in one UTF-8 buffer.
internal sealed class GeneratedWriter
{
    private static readonly JsonEncodedText RowstampName = JsonEncodedText.Encode("_rowstamp");
    private static readonly JsonEncodedText LocalRef = JsonEncodedText.Encode("localref");

    private readonly Utf8JsonWriter _w;
    private readonly GeneratedSource _source;
    private readonly TablePlan _plan;
    private readonly bool _lean;
    private readonly bool _dropNulls;
    private readonly JsonEncodedText _hrefName;
    private readonly JsonEncodedText _memberName;
    private readonly JsonEncodedText _describedBy;
    private readonly JsonEncodedText _formatName;
    private readonly JsonEncodedText _labelName;
    private readonly (JsonEncodedText Name, byte[] Segment)[] _collectionRefs;
    private readonly RefBuffer _ref = new();

    public GeneratedWriter(Utf8JsonWriter w, GeneratedSource source, Selection selection, ResponseStyle style)
    {
        _w = w;
        _source = source;
        _lean = style.Lean;
        _dropNulls = style.DropNulls;
        _plan = TablePlan.For(source.Schema, source.Children, selection, style.Lean);
        _hrefName = style.Lean ? Names.Href : Names.About;
        _memberName = style.Lean ? Names.Member : Names.RdfsMember;
        _describedBy = JsonEncodedText.Encode(style.Lean ? "describedBy" : "wdrs:describedBy");
        _formatName = JsonEncodedText.Encode(style.Lean ? "format" : "dcterms:format");
        _labelName = JsonEncodedText.Encode(style.Lean ? "label" : "rdfs:label");
        // Children that are not selected are linked instead (unless the client asked not to).
        _collectionRefs = style.IgnoreCollectionRef
            ? []
            : [.. source.Children
                .Where(c => Array.TrueForAll(_plan.Children, p => p.Table.Name != c.Name))
                .Select(c => (PropertyNames.For(c.Name + "_collectionref", true), Encoding.UTF8.GetBytes("/" + c.Name)))];
    }

    // href is the collection's (a member's is collection/restid) or, when memberHref, the member's own.
    public void WriteMember(PageMember member, string href, bool memberHref, bool selected)
    {
        _ref.Truncate(0);
        _ref.Append(href);
        if (!memberHref)
        {
            _ref.Append((byte)'/');
            _ref.Append(member.RestId);
        }
        _w.WriteStartObject();
        _w.WriteString(_hrefName, _ref.Span);
        if (selected)
        {
            WriteRoot(member);
        }
        _w.WriteEndObject();
    }

    private void WriteRoot(PageMember member)
    {
        var row = _source.RowAt(member.Index);
        var touchedAt = member.TouchedAt;
        bool wroteChangeDate = false, wroteChangeBy = false;
        foreach (var attribute in _plan.Attributes)
        {
            if (touchedAt is { } at && attribute.Kind == AttributeKind.ChangeDate)
            {
                ValueWriter.Date(_w, attribute.Name, at);
                wroteChangeDate = true;
            }
            else if (touchedAt is not null && attribute.Kind == AttributeKind.ChangeBy)
            {
                _w.WriteString(attribute.Name, OsStore.TouchedBy);
                wroteChangeBy = true;
            }
            else
            {
                attribute.Def.Write(row, _w, attribute.Name, _dropNulls);
            }
        }
        if (touchedAt is { } touched)
        {
            // A touched record of a table without these attributes still gets them, at the end.
            if (!wroteChangeDate && _plan.Selects("changedate"))
            {
                ValueWriter.Date(_w, PropertyNames.For("changedate", _lean), touched);
            }
            if (!wroteChangeBy && _plan.Selects("changeby"))
            {
                _w.WriteString(PropertyNames.For("changeby", _lean), OsStore.TouchedBy);
            }
        }
        foreach (var (name, value) in member.Added)
        {
            ValueWriter.Object(_w, PropertyNames.For(name, _lean), value, _dropNulls);
        }
        WriteRowstamp(member.Rowstamp);
        WriteChildren(_plan, row);
        var length = _ref.Length;
        foreach (var (name, segment) in _collectionRefs)
        {
            _ref.Append(segment);
            _w.WriteString(name, _ref.Span);
            _ref.Truncate(length);
        }
    }

    private void WriteRowstamp(long rowstamp)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(rowstamp, digits, out var written);
        _w.WriteString(RowstampName, digits[..written]);
    }

    // The parent's reference is in the buffer; each child row's extends it.
    private void WriteChildren(TablePlan plan, in Row parent)
    {
        foreach (var child in plan.Children)
        {
            if (child.Table.IsDocLinks)
            {
                WriteDocLinks(child, parent);
                continue;
            }
            var parentLength = _ref.Length;
            var slots = child.Table.SlotsOf(parent);
            _w.WriteStartArray(child.Name);
            for (var i = 0; i < slots.Count; i++)
            {
                var slot = slots[i];
                var row = child.Table.RowOf(parent, slot, i);
                _ref.Append((byte)'/');
                _ref.Append(child.Relation);
                _ref.Append((byte)'/');
                _ref.Append(i);
                if (slot.Id is { } id)
                {
                    _ref.Append((byte)'-');
                    _ref.Append(id);
                }
                _w.WriteStartObject();
                _w.WriteString(LocalRef, _ref.Span);
                foreach (var attribute in child.Plan.Attributes)
                {
                    attribute.Def.Write(row, _w, attribute.Name, _dropNulls);
                }
                WriteRowstamp(child.Table.RowstampOf(slot));
                WriteChildren(child.Plan, row);
                _w.WriteEndObject();
                _ref.Truncate(parentLength);
            }
            _w.WriteEndArray();
        }
    }

    // doclinks is an object holding members whose properties sit in describedBy.
    private void WriteDocLinks(ChildPlan child, in Row parent)
    {
        var parentLength = _ref.Length;
        _ref.Append("/doclinks"u8);
        var collectionLength = _ref.Length;
        var slots = child.Table.SlotsOf(parent);
        _w.WritePropertyName(child.Name);
        _w.WriteStartObject();
        _w.WriteString(_hrefName, _ref.Span);
        _w.WriteStartArray(_memberName);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var row = child.Table.RowOf(parent, slot, i);
            _w.WriteStartObject();
            WriteDocLinkRef(collectionLength, default, -1, slot.Id);
            _w.WriteString(_hrefName, _ref.Span);
            WriteDocLinkRef(collectionLength, default, i, slot.Id);
            _w.WriteString(LocalRef, _ref.Span);
            _w.WritePropertyName(_describedBy);
            _w.WriteStartObject();
            foreach (var attribute in child.Plan.Attributes)
            {
                if (attribute.Kind == AttributeKind.DocLinkFormat)
                {
                    _w.WritePropertyName(_formatName);
                    _w.WriteStartObject();
                    _w.WriteString(_labelName, attribute.Def.Value(row) as string);
                    _w.WriteEndObject();
                    continue;
                }
                attribute.Def.Write(row, _w, attribute.Name, _dropNulls);
            }
            WriteDocLinkRef(collectionLength, "meta/"u8, -1, slot.Id);
            _w.WriteString(_hrefName, _ref.Span);
            WriteRowstamp(child.Table.RowstampOf(slot));
            _w.WriteEndObject();
            _w.WriteEndObject();
        }
        _w.WriteEndArray();
        _w.WriteEndObject();
        _ref.Truncate(parentLength);
    }

    // collection/{prefix}{ordinal-}{id}: the href (no ordinal), localref (ordinal) or meta href.
    private void WriteDocLinkRef(int collectionLength, ReadOnlySpan<byte> prefix, int ordinal, long? id)
    {
        _ref.Truncate(collectionLength);
        _ref.Append((byte)'/');
        _ref.Append(prefix);
        if (ordinal >= 0)
        {
            _ref.Append(ordinal);
            _ref.Append((byte)'-');
        }
        if (id is { } value)
        {
            _ref.Append(value);
        }
    }
}
