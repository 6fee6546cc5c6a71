using System.Collections.Concurrent;
using System.Text.Json;

namespace MaximoOffline.Emulator.Json;

// A property name as JsonSink writes it: quoted, escaped and followed by its colon, so that writing
// a name is one copy.
internal sealed class JsonName
{
    private static readonly ConcurrentDictionary<(string, bool), JsonName> Cache = new();

    public JsonName(JsonEncodedText text)
    {
        Prefix = [(byte)'"', .. text.EncodedUtf8Bytes, (byte)'"', (byte)':'];
    }

    // "name":
    public byte[] Prefix { get; }

    public static JsonName Of(string name) => new(JsonEncodedText.Encode(name));

    // An attribute's name in lean or namespaced bodies (see PropertyNames).
    public static JsonName For(string name, bool lean) =>
        Cache.GetOrAdd((name, lean), static key => new JsonName(PropertyNames.For(key.Item1, key.Item2)));
}
