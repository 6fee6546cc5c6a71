using System.Globalization;
using System.Text.Json;

namespace MaximoOffline.Emulator.Control;

// POST /emulator/variations: the startup flags' names, camelCase or as on the command line
// (ignoreOrder or ignore-order); only the names given change.
//   {"maxrowstamp": "set|page", "ignoreOrder": true, "unknownChild": "ignore|reject", "maxPageSize": 100,
//    "gatewayTimeout": 0.5 (seconds; 0 or null: none), "recordCostMs": 2, "mas": true, "rowstampFormat": "number|bytes"}
internal static class VariationsRequest
{
    public static Variations Apply(Variations current, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The body must be a JSON object.");
        }
        var result = current;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            result = property.Name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
            {
                "maxrowstamp" => result with { MaxRowstamp = Enum<MaxRowstampScope>(property.Name, value) },
                "ignoreorder" => result with { IgnoreOrder = Flag(property.Name, value) },
                "unknownchild" => result with { UnknownChild = Enum<UnknownChildPolicy>(property.Name, value) },
                "maxpagesize" => result with { MaxPageSize = Number(property.Name, value) is var n and >= 1 and <= int.MaxValue ? (int)n : throw new FormatException($"{property.Name} must be a positive whole number.") },
                "gatewaytimeout" => result with { GatewayTimeout = value.ValueKind == JsonValueKind.Null || Number(property.Name, value) <= 0 ? null : TimeSpan.FromSeconds(Number(property.Name, value)) },
                "recordcostms" => result with { RecordCost = Number(property.Name, value) is var ms and >= 0 ? TimeSpan.FromMilliseconds(ms) : throw new FormatException($"{property.Name} must not be negative.") },
                "mas" => result with { Mas = Flag(property.Name, value) },
                "rowstampformat" => result with { RowstampFormat = Enum<RowstampFormat>(property.Name, value) },
                _ => throw new FormatException($"Unknown variation {property.Name}."),
            };
        }
        return result;
    }

    public static object Describe(Variations v) => new
    {
        maxrowstamp = Lower(v.MaxRowstamp),
        ignoreOrder = v.IgnoreOrder,
        unknownChild = Lower(v.UnknownChild),
        maxPageSize = v.MaxPageSize,
        gatewayTimeout = v.GatewayTimeout?.TotalSeconds,
        recordCostMs = v.RecordCost.TotalMilliseconds,
        mas = v.Mas,
        rowstampFormat = Lower(v.RowstampFormat),
    };

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static T Enum<T>(string name, JsonElement value) where T : struct, Enum =>
        value.ValueKind == JsonValueKind.String && System.Enum.TryParse<T>(value.GetString(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"{name} must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");

    private static bool Flag(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"{name} must be true or false."),
    };

    private static double Number(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : throw new FormatException($"{name} must be a number.");
}
