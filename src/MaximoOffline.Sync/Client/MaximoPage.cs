using System.Text.Json;

namespace MaximoOffline.Sync.Client;

/// <summary>One page of a collection, in lean form whatever form Maximo answered in.</summary>
public sealed class MaximoPage : IDisposable
{
    private readonly IReadOnlyList<JsonDocument> _documents;
    private readonly JsonDocument? _info;
    private byte[]? _buffer;

    /// <param name="members">One document per record, in page order (or a whole lean page, its records under <c>member</c>).</param>
    /// <param name="buffer">The pooled buffer the documents were parsed over, returned when the page is disposed.</param>
    internal MaximoPage(IReadOnlyList<JsonDocument> members, JsonDocument? info, long? totalCount, long? maxRowstamp, byte[]? buffer, long bytes)
    {
        _documents = members;
        _info = info;
        _buffer = buffer;
        MaxRowstamp = maxRowstamp;
        Bytes = bytes;
        TotalCount = totalCount;
        Members = [.. members.Select(d => d.RootElement)];
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
        Members = root.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Array ? [.. member.EnumerateArray()] : [];
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

    /// <summary>The records of the page (lean JSON objects, children included); valid until disposed.</summary>
    public IReadOnlyList<JsonElement> Members { get; private set; }

    /// <summary>Keeps only the records <paramref name="keep"/> accepts (records a read has already handed on, say).</summary>
    public void Keep(Func<JsonElement, bool> keep) => Members = [.. Members.Where(keep)];

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
        foreach (var document in _documents)
        {
            document.Dispose();
        }

        _info?.Dispose();
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            PageBuffers.Return(buffer);
        }

        Interlocked.Exchange(ref _released, null)?.Invoke();
    }
}
