using System.Text.Json;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// What <c>{root}/jsonschemas/{os}</c> says an object structure has: its attributes and, by path
/// (<c>maxuser/groupuser</c>), the child objects it can expand.
/// </summary>
public sealed class ObjectStructureSchema
{
    private ObjectStructureSchema(IReadOnlySet<string> attributes, IReadOnlySet<string> children)
    {
        Attributes = attributes;
        Children = children;
    }

    /// <summary>The main object's attribute names.</summary>
    public IReadOnlySet<string> Attributes { get; }

    /// <summary>Every child object by its path from the main object.</summary>
    public IReadOnlySet<string> Children { get; }

    public static ObjectStructureSchema Parse(JsonElement schema)
    {
        var attributes = new HashSet<string>(StringComparer.Ordinal);
        var children = new HashSet<string>(StringComparer.Ordinal);
        Walk(schema, "", attributes, children);
        return new ObjectStructureSchema(attributes, children);
    }

    private static void Walk(JsonElement node, string prefix, HashSet<string>? attributes, HashSet<string> children)
    {
        if (!node.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var value = property.Value;
            var name = property.Name.StartsWith("spi:", StringComparison.Ordinal) ? property.Name[4..] : property.Name;
            if (value.ValueKind == JsonValueKind.Object && IsChild(value))
            {
                children.Add(prefix + name);
                var items = value.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Object ? i : value;
                Walk(items, prefix + name + "/", null, children);
            }
            else
            {
                attributes?.Add(name);
            }
        }
    }

    // A child object: an array of objects, or an object with properties or items of its own
    // (doclinks, a link object, is one too).
    private static bool IsChild(JsonElement value) =>
        value.TryGetProperty("items", out _)
        || value.TryGetProperty("properties", out _)
        || value.TryGetProperty("objectName", out _)
        || (value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "array");
}
