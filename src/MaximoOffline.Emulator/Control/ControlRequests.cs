using System.Text.Json;

namespace MaximoOffline.Emulator.Control;

// Bodies of the control API (camelCase JSON).
internal sealed record RecordsRequest(int? Count, IReadOnlyList<long>? Ids);

internal sealed record AttributeRequest(string? Name, JsonElement? Value);

internal sealed record KeyRequest(string? ApiKey);

// POST os/{os}/set: {"ids": [...]} or {"count": n}, and the attribute values to give them.
internal sealed record SetRequest(int? Count, IReadOnlyList<long>? Ids, Dictionary<string, JsonElement>? Set);

// POST os/{os}/children: one child row of one record (by its unique id) changed alone.
// Action: update | insert | delete; the row by childId or position (default the first).
internal sealed record ChildRequest(long? Id, string? Child, string? Action, long? ChildId, int? Position, Dictionary<string, JsonElement>? Set);
