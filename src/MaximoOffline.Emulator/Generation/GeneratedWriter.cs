using System.Buffers;
using System.Text;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;
using MaximoOffline.Emulator.Query;

namespace MaximoOffline.Emulator.Generation;

// Writes generated records straight from (seed, index), in exactly the form RecordWriter gives their
// materialised Rec: no intermediate record, values written typed into a JsonSink that hands each
// member to the Utf8JsonWriter whole, names and selection decided once per request (TablePlan),
// references built in one UTF-8 buffer. Child rows, links and doclinks are in GeneratedWriter.Children.cs.
internal sealed partial class GeneratedWriter
{
    private static readonly JsonName RowstampName = JsonName.Of("_rowstamp");
    private static readonly JsonName LocalRef = JsonName.Of("localref");

    private readonly GeneratedSource _source;
    private readonly TablePlan _plan;
    private readonly bool _lean;
    private readonly RowstampFormat _rowstampFormat;
    private readonly JsonSink _sink;
    private readonly JsonName _hrefName;
    private readonly JsonName _linkName;
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
        _rowstampFormat = style.RowstampFormat;
        _sink = new JsonSink(style.DropNulls);
        _plan = TablePlan.For(source.Schema, source.Children, selection, style.Lean, source.Structure.MainTable.ToUpperInvariant());
        _hrefName = JsonName.Of(style.Lean ? "href" : "rdf:about");
        _linkName = JsonName.Of(style.Lean ? "href" : "rdf:resource");
        _memberName = JsonName.Of(style.Lean ? "member" : "rdfs:member");
        _describedBy = JsonName.Of(style.Lean ? "describedBy" : "wdrs:describedBy");
        _formatName = JsonName.Of(style.Lean ? "format" : "dcterms:format");
        _labelName = JsonName.Of(style.Lean ? "label" : "rdfs:label");
        var linked = style.CollectionRefs == CollectionRefs.Always || style.CollectionRefs == CollectionRefs.Default && !selection.All;
        _collectionRefs = linked
            ? [.. source.Children
                .Where(c => !c.IsDocLinks)
                .Select(c => (JsonName.For(c.Name + "_collectionref", true), Encoding.UTF8.GetBytes("/" + c.Relation)))]
            : [];
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

    // Root records and child rows a page of these members serves: what a gateway's timer sees.
    public long RowsOf(PageMember member)
    {
        var row = _source.RowAt(member.Index);
        return 1 + CountChildren(_plan, row, member.ChildEdits);
    }

    private static long CountChildren(TablePlan plan, in Row parent, IReadOnlyDictionary<string, ChildOverlay>? edits)
    {
        long count = 0;
        foreach (var child in plan.Children)
        {
            if (child.Plan is null)
            {
                continue;
            }
            var overlay = edits?.GetValueOrDefault(child.Table.Name);
            foreach (var childRow in child.Table.RowsOf(parent, overlay))
            {
                count += 1 + CountChildren(child.Plan, child.Table.RowOf(parent, childRow.Slot, childRow.Ordinal), null);
            }
        }
        return count;
    }

    private void WriteRoot(PageMember member)
    {
        var row = _source.RowAt(member.Index);
        var touchedAt = member.TouchedAt;
        var values = member.Values;
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
            else if (values is null)
            {
                attribute.Def.Write(row, _sink, attribute.Name);
            }
            else
            {
                attribute.Def.Write(row, values, _sink, attribute.Name);
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
        WriteChildren(_plan, row, member.ChildEdits);
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
        Span<byte> text = stackalloc byte[RowstampText.MaxLength];
        _sink.Ascii(RowstampName, text[..RowstampText.Write(rowstamp, _rowstampFormat, text)]);
    }
}
