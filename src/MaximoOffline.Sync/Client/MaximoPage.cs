using System.Text.Json;

namespace MaximoOffline.Sync.Client;

/// <summary>One page of a collection, in lean form whatever form Maximo answered in.</summary>
public sealed class MaximoPage : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<Range>? _records;
    private IReadOnlyList<JsonDocument> _documents;
    private List<JsonElement>? _members;
    private readonly JsonDocument? _info;
    private byte[]? _buffer;

    /// <param name="records">Where each record lies in <paramref name="buffer"/>, in page order; each is parsed when <see cref="Members"/> is first read.</param>
    /// <param name="buffer">The pooled buffer the records are read from, returned when the page is disposed.</param>
    internal MaximoPage(IReadOnlyList<Range> records, JsonDocument? info, long? totalCount, long? maxRowstamp, byte[] buffer, long bytes)
    {
        _records = records;
        _documents = [];
        _info = info;
        _buffer = buffer;
        MaxRowstamp = maxRowstamp;
        Bytes = bytes;
        TotalCount = totalCount;
        Read(info?.RootElement);
    }

    /// <summary>A whole page in one lean document (a namespaced page made lean).</summary>
    internal MaximoPage(IReadOnlyList<JsonDocument> whole, long? maxRowstamp, byte[]? buffer, long bytes)
    {
        _documents = whole;
        _buffer = buffer;
        MaxRowstamp = maxRowstamp;
        Bytes = bytes;
        var root = whole[0].RootElement;
        _members = root.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Array ? [.. member.EnumerateArray()] : [];
        if (root.TryGetProperty("totalCount", out var count) && count.TryGetInt64(out var c))
        {
            TotalCount = c;
        }

        Read(root.TryGetProperty("responseInfo", out var info) ? info : null);
    }

    private void Read(JsonElement? info)
    {
        if (info is not { ValueKind: JsonValueKind.Object } responseInfo)
        {
            return;
        }

        TotalCount = responseInfo.TryGetProperty("totalCount", out var total) && total.TryGetInt64(out var n) ? n : TotalCount;
        if (responseInfo.TryGetProperty("nextPage", out var next))
        {
            var href = next.ValueKind == JsonValueKind.Object && next.TryGetProperty("href", out var h) ? h.GetString() : next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            NextPage = Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri : null;
        }
    }

    /// <summary>True when the page gives its buffer back to the pool when it is disposed.</summary>
    internal bool OwnsBuffer => _buffer is not null;

    /// <summary>The records of the page (lean JSON objects, children included), parsed when first read; valid until disposed.</summary>
    public IReadOnlyList<JsonElement> Members
    {
        get
        {
            lock (_gate)
            {
                if (_members is null)
                {
                    ObjectDisposedException.ThrowIf(_buffer is null, this);
                    var memory = _buffer.AsMemory();
                    _documents = [.. _records!.Select(r => JsonDocument.Parse(memory[r]))];
                    _members = [.. _documents.Select(d => d.RootElement)];
                }

                return _members;
            }
        }
    }

    /// <summary>How many records the page holds, without parsing them.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _members?.Count ?? _records!.Count;
            }
        }
    }

    /// <summary>
    /// The whole number in the top-level attribute <paramref name="name"/> of record <paramref name="index"/>,
    /// read from the page's bytes without parsing the record; false when it is not there as a plain number
    /// or numeric text, or the records are parsed already (<see cref="Members"/> then has it).
    /// </summary>
    public bool TryReadInteger(int index, string name, out long value)
    {
        value = 0;
        lock (_gate)
        {
            if (_members is not null || _buffer is null)
            {
                return false;
            }

            var reader = new Utf8JsonReader(_buffer.AsSpan()[_records![index]]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var found = reader.ValueTextEquals(name);
                reader.Read();
                if (found)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.Number => reader.TryGetInt64(out value),
                        JsonTokenType.String => long.TryParse(reader.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value),
                        _ => false,
                    };
                }

                reader.Skip();
            }

            return false;
        }
    }

    /// <summary>Keeps only the records <paramref name="keep"/> accepts (records a read has already handed on, say).</summary>
    public void Keep(Func<JsonElement, bool> keep)
    {
        var kept = Members.Where(keep).ToList();
        lock (_gate)
        {
            _members = kept;
        }
    }

    /// <summary><c>totalCount</c>, when Maximo gave one (<c>collectioncount=1</c> or <c>count=1</c>).</summary>
    public long? TotalCount { get; private set; }

    /// <summary>The next page as Maximo named it (not yet re-based on the configured URL).</summary>
    public Uri? NextPage { get; private set; }

    /// <summary>The size of the page's JSON as read (after any decompression), in bytes.</summary>
    public long Bytes { get; }

    /// <summary>The <c>maxrowstamp</c> header of a rowstamp-delta request; null when nothing changed.</summary>
    public long? MaxRowstamp { get; }

    private Action? _released;

    /// <summary>Called once when the page is disposed: what a reader holds for it (a share of the run's page budget) is given back.</summary>
    public void OnRelease(Action released) => _released += released;

    public void Dispose()
    {
        byte[]? buffer;
        lock (_gate)
        {
            foreach (var document in _documents)
            {
                document.Dispose();
            }

            _documents = [];
            buffer = _buffer;
            _buffer = null;
        }

        _info?.Dispose();
        if (buffer is not null)
        {
            PageBuffers.Return(buffer);
        }

        Interlocked.Exchange(ref _released, null)?.Invoke();
    }
}
