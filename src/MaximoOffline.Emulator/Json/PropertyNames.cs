using System.Collections.Concurrent;
using System.Text.Json;

namespace MaximoOffline.Emulator.Json;

// Attribute names are few and repeat on every record: encode each (lean and spi:-prefixed) once.
internal static class PropertyNames
{
    private static readonly ConcurrentDictionary<string, JsonEncodedText> Lean = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, JsonEncodedText> Spi = new(StringComparer.Ordinal);

    public static JsonEncodedText For(string name, bool lean) =>
        lean
            ? Lean.GetOrAdd(name, static n => JsonEncodedText.Encode(n))
            : Spi.GetOrAdd(name, static n => JsonEncodedText.Encode(Unprefixed(n) ? n : "spi:" + n));

    // Maximo never prefixes these, even in namespaced bodies.
    private static bool Unprefixed(string name) =>
        name is "_rowstamp" or "localref" or "href" || name.EndsWith("_collectionref", StringComparison.Ordinal);
}
