using System.Text.Json;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace MaximoOffline.Emulator.Api;

// GET {root}/jsonschemas/{os}: the object structure's attributes and children with JSON types,
// read off the first records the way a client would see them. Every child of the object structure is
// listed, at every depth, whether or not the sampled records have rows of it: a schema describes the
// object structure, not its data.
internal static class JsonSchemaApi
{
    private const int Sample = 50;

    public static async Task GetAsync(HttpContext context, EmulatorState state, string os)
    {
        var data = state.Data;
        if (data.Find(os) is not { } store)
        {
            await ObjectStructureApi.NotFoundAsync(context, $"BMXAA8727E - The object structure {os.ToUpperInvariant()} was not found.");
            return;
        }
        var all = new Selection { All = true };
        foreach (var child in store.ChildNames)
        {
            all.Children[child] = Selection.Star;
        }
        var records = new List<Rec>();
        data.Gate.EnterReadLock();
        try
        {
            for (var i = 0; i < store.IndexCount && records.Count < Sample; i++)
            {
                if (store.IsLive(i))
                {
                    records.Add(store.Materialize(i, all));
                }
            }
        }
        finally
        {
            data.Gate.ExitReadLock();
        }
        await CollectionBody.WriteObjectAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            w.WriteString("resource", store.Structure.Name);
            w.WriteString("title", store.Structure.MainTable.ToUpperInvariant());
            w.WriteStartArray("pk");
            foreach (var key in store.Structure.NaturalKey)
            {
                w.WriteStringValue(key);
            }
            w.WriteEndArray();
            w.WriteString("uniqueid", store.Structure.UniqueId);
            w.WriteString("type", "object");
            WriteProperties(w, records, store.Source is Generation.GeneratedSource generated ? generated.Children : null);
            w.WriteEndObject();
        });
    }

    private static void WriteProperties(Utf8JsonWriter w, IReadOnlyList<Rec> records, IReadOnlyList<Generation.ChildTable>? structure)
    {
        var types = new Dictionary<string, (string Type, string? SubType)>(StringComparer.Ordinal);
        var children = new Dictionary<string, List<Rec>>(StringComparer.Ordinal);
        foreach (var rec in records)
        {
            foreach (var (name, value) in rec.Attributes)
            {
                if (TypeOf(value) is not null || !types.ContainsKey(name))
                {
                    types[name] = TypeOf(value) ?? ("string", null);
                }
            }
            foreach (var set in rec.Children ?? [])
            {
                if (!children.TryGetValue(set.Name, out var rows))
                {
                    children[set.Name] = rows = [];
                }
                rows.AddRange(set.Rows.Take(Sample - rows.Count));
            }
        }
        w.WriteStartObject("properties");
        foreach (var (name, (type, subType)) in types)
        {
            w.WriteStartObject(name);
            w.WriteString("type", type);
            if (subType is not null)
            {
                w.WriteString("subType", subType);
            }
            w.WriteString("title", name);
            w.WriteEndObject();
        }
        foreach (var child in structure ?? [])
        {
            if (!children.ContainsKey(child.Name))
            {
                children[child.Name] = [];
            }
        }
        foreach (var (name, rows) in children)
        {
            w.WriteStartObject(name);
            w.WriteString("type", name == "doclinks" ? "object" : "array");
            w.WriteStartObject("items");
            w.WriteString("type", "object");
            var nested = structure?.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Nested;
            WriteProperties(w, rows, nested);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static (string Type, string? SubType)? TypeOf(object? value) => value switch
    {
        string => ("string", "ALN"),
        long or int => ("integer", "INTEGER"),
        double or decimal => ("number", "DECIMAL"),
        bool => ("boolean", "YORN"),
        DateTimeOffset => ("string", "DATETIME"),
        _ => null,
    };
}
