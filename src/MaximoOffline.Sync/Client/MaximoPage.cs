using System.Text.Json;

namespace MaximoOffline.Sync.Client;

/// <summary>One page of a collection, in lean form whatever form Maximo answered in.</summary>
public sealed class MaximoPage : IDisposable
{
    private readonly JsonDocument _document;

    internal MaximoPage(JsonDocument document, long? maxRowstamp)
    {
        _document = document;
        MaxRowstamp = maxRowstamp;
        var root = document.RootElement;
        Members = root.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Array
            ? [.. member.EnumerateArray()]
            : [];

        if (root.TryGetProperty("responseInfo", out var info) && info.ValueKind == JsonValueKind.Object)
        {
            TotalCount = info.TryGetProperty("totalCount", out var total) && total.TryGetInt64(out var n) ? n : null;
            if (info.TryGetProperty("nextPage", out var next))
            {
                var href = next.ValueKind == JsonValueKind.Object && next.TryGetProperty("href", out var h) ? h.GetString() : next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                NextPage = Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri : null;
            }
        }
        else if (root.TryGetProperty("totalCount", out var count) && count.TryGetInt64(out var c))
        {
            TotalCount = c;
        }
    }

    /// <summary>The records of the page (lean JSON objects, children included); valid until disposed.</summary>
    public IReadOnlyList<JsonElement> Members { get; private set; }

    /// <summary>Keeps only the records <paramref name="keep"/> accepts (records a read has already handed on, say).</summary>
    public void Keep(Func<JsonElement, bool> keep) => Members = [.. Members.Where(keep)];

    /// <summary><c>totalCount</c>, when Maximo gave one (<c>collectioncount=1</c> or <c>count=1</c>).</summary>
    public long? TotalCount { get; }

    /// <summary>The next page as Maximo named it (not yet re-based on the configured URL).</summary>
    public Uri? NextPage { get; }

    /// <summary>The size of the page's JSON as read (after any decompression), in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>The <c>maxrowstamp</c> header of a rowstamp-delta request; null when nothing changed.</summary>
    public long? MaxRowstamp { get; }

    public void Dispose() => _document.Dispose();
}
