using System.Text;
using System.Text.Json;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// Turns a page's bytes into a <see cref="MaximoPage"/>: the JSON is checked whole and each record's
/// place in the page's buffer noted; a record is parsed on its own, over the same bytes, when the page
/// is written (<see cref="MaximoPage.Members"/>), so that a page waiting for the writer holds its bytes
/// only. One document for a whole page of wide records would rent index arrays of several megabytes
/// from the shared array pool, which keeps such arrays per thread and per core long after the page is
/// gone; a record's are a few kilobytes. A namespaced page is made lean first.
/// </summary>
internal static class PageParser
{
    private static readonly byte[] Member = Encoding.UTF8.GetBytes("member");
    private static readonly byte[] ResponseInfo = Encoding.UTF8.GetBytes("responseInfo");
    private static readonly byte[] TotalCount = Encoding.UTF8.GetBytes("totalCount");

    /// <summary>
    /// The page; null when the JSON is not an object. A page of records owns <paramref name="buffer"/>
    /// from now on; a page made lean does not (<see cref="MaximoPage.OwnsBuffer"/>), nor does a failure.
    /// </summary>
    public static MaximoPage? Parse(byte[] buffer, int length, long? maxRowstamp)
    {
        var json = buffer.AsMemory(0, length);
        var records = new List<Range>();
        JsonDocument? info = null;
        try
        {
            var reader = new Utf8JsonReader(json.Span, isFinalBlock: true, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Validate(json);
                return null;
            }

            long? total = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (IsNamespacedName(ref reader))
                {
                    // A server or proxy that ignored lean=1: the whole page, made lean (rare, and never wide).
                    info?.Dispose();
                    JsonDocument lean;
                    using (var whole = JsonDocument.Parse(json))
                    {
                        lean = LeanJson.ToLean(whole.RootElement);
                    }

                    // Nothing refers to the buffer any more; the caller gives it back to the pool.
                    return new MaximoPage([lean], maxRowstamp, null, length);
                }

                var name = reader.ValueTextEquals(Member) ? Member : reader.ValueTextEquals(ResponseInfo) ? ResponseInfo : reader.ValueTextEquals(TotalCount) ? TotalCount : null;
                reader.Read();
                if (name == Member && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        records.Add(start..(int)reader.BytesConsumed);
                    }
                }
                else if (name == ResponseInfo && reader.TokenType == JsonTokenType.StartObject)
                {
                    info = Slice(json, ref reader);
                }
                else if (name == TotalCount && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var count))
                {
                    total = count;
                }
                else
                {
                    reader.Skip();
                }
            }

            return new MaximoPage(records, info, total, maxRowstamp, buffer, length);
        }
        catch
        {
            info?.Dispose();
            throw;
        }
    }

    // The value at the reader, parsed on its own over the same bytes; the reader moves past it.
    private static JsonDocument Slice(ReadOnlyMemory<byte> json, ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return JsonDocument.Parse(json[start..(int)reader.BytesConsumed]);
    }

    private static bool IsNamespacedName(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("rdfs:member"u8) || reader.ValueTextEquals("oslc:responseInfo"u8) || reader.ValueTextEquals("oslc:Error"u8) || reader.ValueTextEquals("rdf:about"u8);

    // A body that is not an object: still fail as invalid JSON when it is not JSON at all.
    private static void Validate(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
    }
}
