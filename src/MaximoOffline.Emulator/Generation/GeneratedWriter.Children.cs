using System.Buffers.Text;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Generation;

// The children of a generated record: inline rows (with their child keys), links and doclinks.
internal sealed partial class GeneratedWriter
{
    // The parent's reference is in the buffer; each child row's extends it. Empty relations are left
    // out, as Maximo leaves them out. Only root records carry control-API edits of their children.
    private void WriteChildren(TablePlan plan, in Row parent, IReadOnlyDictionary<string, ChildOverlay>? edits)
    {
        foreach (var child in plan.Children)
        {
            if (child.Plan is not { } childPlan)
            {
                WriteLink(child);
                continue;
            }
            if (child.Table.IsDocLinks)
            {
                WriteDocLinks(child, childPlan, parent);
                continue;
            }
            if (edits?.GetValueOrDefault(child.Table.Name) is { } overlay)
            {
                var rows = child.Table.RowsOf(parent, overlay);
                if (rows.Count > 0)
                {
                    _sink.StartArray(child.Name);
                    for (var i = 0; i < rows.Count; i++)
                    {
                        WriteChildRow(child, childPlan, parent, rows[i], i);
                    }
                    _sink.EndArray();
                }
                continue;
            }
            var slots = child.Table.SlotsOf(parent);
            if (slots.Count == 0)
            {
                continue;
            }
            _sink.StartArray(child.Name);
            for (var i = 0; i < slots.Count; i++)
            {
                WriteChildRow(child, childPlan, parent, new ChildRow(slots[i], i, child.Table.RowstampOf(slots[i]), null), i);
            }
            _sink.EndArray();
        }
    }

    private void WriteChildRow(ChildPlan child, TablePlan plan, in Row parent, ChildRow childRow, int position)
    {
        var parentLength = _ref.Length;
        var row = child.Table.RowOf(parent, childRow.Slot, childRow.Ordinal);
        _ref.Append((byte)'/');
        _ref.Append(child.Relation);
        _ref.Append((byte)'/');
        _ref.Append(position);
        if (childRow.Slot.Id is { } id)
        {
            _ref.Append((byte)'-');
            _ref.Append(id);
        }
        _sink.StartObject();
        _sink.String(LocalRef, _ref.Span);
        WriteChildKey(child.KeyPrefix, childRow.Slot.Id);
        foreach (var attribute in plan.Attributes)
        {
            attribute.Def.Write(row, childRow.Values, _sink, attribute.Name);
        }
        WriteRowstamp(childRow.Rowstamp);
        WriteChildren(plan, row, null);
        _sink.EndObject();
        _ref.Truncate(parentLength);
    }

    // Child rows carry an href (rdf:about) that is not a URL: "http://childkey#" + the rest-id encoding
    // of "ASSET/ASSETMETER/{id}" (no id, no last segment).
    private void WriteChildKey(byte[] prefix, long? id)
    {
        Span<byte> key = stackalloc byte[prefix.Length + 20];
        prefix.CopyTo(key);
        var length = prefix.Length;
        if (id is { } value)
        {
            Utf8Formatter.TryFormat(value, key[length..], out var digits);
            length += digits;
        }
        else
        {
            length--;
        }
        ReadOnlySpan<byte> scheme = "http://childkey#"u8;
        Span<byte> href = stackalloc byte[scheme.Length + Base64.GetMaxEncodedToUtf8Length(length)];
        scheme.CopyTo(href);
        Base64.EncodeToUtf8(key[..length], href[scheme.Length..], out _, out var written);
        var encoded = href.Slice(scheme.Length, written);
        encoded.Replace((byte)'+', (byte)'-');
        encoded.Replace((byte)'/', (byte)'_');
        encoded.Replace((byte)'=', (byte)'-');
        _sink.Ascii(_hrefName, href[..(scheme.Length + written)]);
    }

    // A child that is linked, not inline: {"href": ".../doclinks"} ({"rdf:resource": ...} namespaced).
    private void WriteLink(ChildPlan child)
    {
        var parentLength = _ref.Length;
        _ref.Append((byte)'/');
        _ref.Append(child.Relation);
        _sink.StartObject(child.Name);
        _sink.String(_linkName, _ref.Span);
        _sink.EndObject();
        _ref.Truncate(parentLength);
    }

    // doclinks is an object holding members whose properties sit in describedBy; it is there even
    // when the record has no attachment (an empty member list).
    private void WriteDocLinks(ChildPlan child, TablePlan plan, in Row parent)
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
            foreach (var attribute in plan.Attributes)
            {
                if (attribute.Kind == AttributeKind.DocLinkFormat)
                {
                    var label = attribute.Def.Value(row) as string;
                    _sink.StartObject(_formatName);
                    _sink.String(_labelName, label);
                    _sink.String(_hrefName, "http://purl.org/NET/mediatypes/" + label);
                    _sink.EndObject();
                    continue;
                }
                attribute.Def.Write(row, _sink, attribute.Name);
            }
            WriteDocLinkRef(collectionLength, "meta/"u8, -1, slot.Id);
            _sink.String(_hrefName, _ref.Span);
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
