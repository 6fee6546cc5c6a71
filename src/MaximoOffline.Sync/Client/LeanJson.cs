using System.Buffers;
using System.Text.Json;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// Turns a namespaced (<c>lean=0</c>) body into its lean form, for servers or proxies that ignore
/// <c>lean=1</c>: <c>spi:assetnum</c> → <c>assetnum</c>, <c>rdfs:member</c> → <c>member</c>,
/// <c>rdf:about</c>/<c>rdf:resource</c> → <c>href</c>, <c>oslc:responseInfo</c> → <c>responseInfo</c>,
/// and the repeated <c>prefixes</c> objects dropped.
/// </summary>
internal static class LeanJson
{
    public static bool IsNamespaced(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object &&
        (root.TryGetProperty("rdfs:member", out _) || root.TryGetProperty("oslc:responseInfo", out _) || root.TryGetProperty("oslc:Error", out _) || root.TryGetProperty("rdf:about", out _));

    public static JsonDocument ToLean(JsonElement root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, root);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    public static string LeanName(string name) => name switch
    {
        "rdf:about" or "rdf:resource" => "href",
        _ => name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !name.StartsWith("http", StringComparison.Ordinal) ? name[(colon + 1)..] : name,
    };

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "prefixes")
                    {
                        continue;
                    }

                    writer.WritePropertyName(LeanName(property.Name));
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
