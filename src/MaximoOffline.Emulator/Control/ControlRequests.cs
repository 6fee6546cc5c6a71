using System.Text.Json;

namespace MaximoOffline.Emulator.Control;

// Bodies of the control API (camelCase JSON).
internal sealed record RecordsRequest(int? Count, IReadOnlyList<long>? Ids);

internal sealed record AttributeRequest(string? Name, JsonElement? Value);

internal sealed record KeyRequest(string? ApiKey);
