using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;
using MaximoOffline.Emulator.Query;

namespace MaximoOffline.Emulator.Generation;

// Writes generated records straight from (seed, index), in exactly the form RecordWriter gives their
// materialised Rec: no intermediate record, values written typed into a JsonSink that hands each
// member to the Utf8JsonWriter whole, names and selection decided once per request (TablePlan),
// references built in one UTF-8 buffer.
internal sealed class GeneratedWriter
{
    private static readonly JsonName RowstampName = JsonName.Of("_rowstamp");
    private static readonly JsonName LocalRef = JsonName.Of("localref");

    private readonly GeneratedSource _source;
    private readonly TablePlan _plan;
    private readonly bool _lean;
    private readonly JsonSink _sink;
    private readonly JsonName _hrefName;
    private readonly JsonName _memberName;
    private readonly JsonName _describedBy;
    private readonly JsonName _formatName;
    private readonly JsonName _labelName;
    private readonly (JsonName Name, byte[] Segment)[] _collectionRefs;
    private readonly RefBuffer _ref = new();

    public GeneratedWriter(GeneratedSource source, Selection selection, ResponseStyle style)
    {
        _source = source;
        _lean = style.Lean;
        _sink = new JsonSink(style.DropNulls);
        _plan = TablePlan.For(source.Schema, source.Children, selection, style.Lean);
        _hrefName = JsonName.Of(style.Lean ? "href" : "rdf:about");
        _memberName = JsonName.Of(style.Lean ? "member" : "rdfs:member");
        _describedBy = JsonName.Of(style.Lean ? "describedBy" : "wdrs:describedBy");
        _formatName = JsonName.Of(style.Lean ? "format" : "dcterms:format");
        _labelName = JsonName.Of(style.Lean ? "label" : "rdfs:label");
        // Children that are not selected are linked instead (unless the client asked not to).
        _collectionRefs = style.IgnoreCollectionRef
            ? []
            : [.. source.Children
                .Where(c => Array.TrueForAll(_plan.Children, p => p.Table.Name != c.Name))
                .Select(c => (JsonName.For(c.Name + "_collectionref", true), Encoding.UTF8.GetBytes("/" + c.Name)))];
    }

    // Writes a collection member (after a comma when separator) to output in pieces no larger than
    // what output has at hand: asking a response pipe for a whole member's room at once (~8 KB with
    // children) makes it allocate outside its pool. Returns the bytes written.
    public int CopyMember(PageMember member, string collectionHref, bool selected, IBufferWriter<byte> output, bool separator)
    {
        var json = WriteMember(member, collectionHref, memberHref: false, selected);
        var total = json.Length + (separator ? 1 : 0);
        if (separator)
        {
            output.GetSpan(1)[0] = (byte)',';
            output.Advance(1);
        }
        while (json.Length > 0)
        {
            var span = output.GetSpan();
            var size = Math.Min(span.Length, json.Length);
            json[..size].CopyTo(span);
            output.Advance(size);
            json = json[size..];
        }
        return total;
    }

    // The member as JSON: href is the collection's (a member's is collection/restid) or, when
    // memberHref, the member's own.
    public ReadOnlySpan<byte> WriteMember(PageMember member, string href, bool memberHref, bool selected)
    {
        _ref.Truncate(0);
        _ref.Append(href);
        if (!memberHref)
        {
            _ref.Append((byte)'/');
            _ref.Append(member.RestId);
        }
        _sink.Reset();
        _sink.StartObject();
        _sink.String(_hrefName, _ref.Span);
        if (selected)
        {
            WriteRoot(member);
        }
        _sink.EndObject();
        return _sink.Written;
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
                _sink.Date(attribute.Name, at);
                wroteChangeDate = true;
            }
            else if (touchedAt is not null && attribute.Kind == AttributeKind.ChangeBy)
            {
                _sink.String(attribute.Name, OsStore.TouchedBy);
                wroteChangeBy = true;
            }
            else
            {
                attribute.Def.Write(row, _sink, attribute.Name);
            }
        }
        if (touchedAt is { } touched)
        {
            // A touched record of a table without these attributes still gets them, at the end.
            if (!wroteChangeDate && _plan.Selects("changedate"))
            {
                _sink.Date(JsonName.For("changedate", _lean), touched);
            }
            if (!wroteChangeBy && _plan.Selects("changeby"))
            {
                _sink.String(JsonName.For("changeby", _lean), OsStore.TouchedBy);
            }
        }
        foreach (var (name, value) in member.Added)
        {
            _sink.Object(JsonName.For(name, _lean), value);
        }
        WriteRowstamp(member.Rowstamp);
        WriteChildren(_plan, row);
        var length = _ref.Length;
        foreach (var (name, segment) in _collectionRefs)
        {
            _ref.Append(segment);
            _sink.String(name, _ref.Span);
            _ref.Truncate(length);
        }
    }

    private void WriteRowstamp(long rowstamp)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(rowstamp, digits, out var written);
        _sink.Ascii(RowstampName, digits[..written]);
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
            _sink.StartArray(child.Name);
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
                _sink.StartObject();
                _sink.String(LocalRef, _ref.Span);
                foreach (var attribute in child.Plan.Attributes)
                {
                    attribute.Def.Write(row, _sink, attribute.Name);
                }
                WriteRowstamp(child.Table.RowstampOf(slot));
                WriteChildren(child.Plan, row);
                _sink.EndObject();
                _ref.Truncate(parentLength);
            }
            _sink.EndArray();
        }
    }

    // doclinks is an object holding members whose properties sit in describedBy.
    private void WriteDocLinks(ChildPlan child, in Row parent)
    {
        var parentLength = _ref.Length;
        _ref.Append("/doclinks"u8);
        var collectionLength = _ref.Length;
        var slots = child.Table.SlotsOf(parent);
        _sink.StartObject(child.Name);
        _sink.String(_hrefName, _ref.Span);
        _sink.StartArray(_memberName);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var row = child.Table.RowOf(parent, slot, i);
            _sink.StartObject();
            WriteDocLinkRef(collectionLength, default, -1, slot.Id);
            _sink.String(_hrefName, _ref.Span);
            WriteDocLinkRef(collectionLength, default, i, slot.Id);
            _sink.String(LocalRef, _ref.Span);
            _sink.StartObject(_describedBy);
            foreach (var attribute in child.Plan.Attributes)
            {
                if (attribute.Kind == AttributeKind.DocLinkFormat)
                {
                    _sink.StartObject(_formatName);
                    _sink.String(_labelName, attribute.Def.Value(row) as string);
                    _sink.EndObject();
                    continue;
                }
                attribute.Def.Write(row, _sink, attribute.Name);
            }
            WriteDocLinkRef(collectionLength, "meta/"u8, -1, slot.Id);
            _sink.String(_hrefName, _ref.Span);
            WriteRowstamp(child.Table.RowstampOf(slot));
            _sink.EndObject();
            _sink.EndObject();
        }
        _sink.EndArray();
        _sink.EndObject();
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
