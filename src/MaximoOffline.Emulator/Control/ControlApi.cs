using System.Text.Json;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MaximoOffline.Emulator.Control;

// /emulator/...: change data and inject faults while a client runs against the emulator. Answers
// JSON; documented with examples in the emulator's README.
internal static class ControlApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/emulator");
        group.MapGet("state", (EmulatorState s) => TypedResults.Ok(State(s)));
        group.MapPost("reset", (EmulatorState s) =>
        {
            s.Reset();
            return TypedResults.Ok(State(s));
        });
        group.MapPost("os/{os}/touch", (EmulatorState s, string os, RecordsRequest? body) =>
            Change(s, os, store => new { touched = store.Touch(body?.Count ?? 1, body?.Ids, s.Time.GetUtcNow()), rowstamp = s.Data.Clock.Current }));
        group.MapPost("os/{os}/set", (EmulatorState s, string os, SetRequest body) =>
            body.Set is not { Count: > 0 } values
                ? Problem("set must name at least one attribute and its value")
                : Change(s, os, store => new
                {
                    changed = store.Set(body.Count ?? 1, body.Ids, values.ToDictionary(v => v.Key, v => Scalar(v.Value)), s.Time.GetUtcNow()),
                    rowstamp = s.Data.Clock.Current,
                }));
        group.MapPost("os/{os}/children", (EmulatorState s, string os, ChildRequest body) =>
            body.Id is not { } parent || string.IsNullOrWhiteSpace(body.Child) ||
            !Enum.TryParse<ChildAction>(body.Action ?? "update", ignoreCase: true, out var action) || !Enum.IsDefined(action)
                ? Problem("id (the parent's unique id), child and action (update, insert or delete) are required")
                : Change(s, os, store => store.ChangeChild(parent, body.Child, action, body.ChildId, body.Position,
                    (body.Set ?? []).ToDictionary(v => v.Key, v => Scalar(v.Value)))));
        group.MapGet("variations", (EmulatorState s) => TypedResults.Ok(VariationsRequest.Describe(s.Variations)));
        group.MapPost("variations", (EmulatorState s, JsonElement body) =>
        {
            try
            {
                s.Variations = VariationsRequest.Apply(s.Variations, body);
                return Results.Ok(VariationsRequest.Describe(s.Variations));
            }
            catch (FormatException e)
            {
                return Problem(e.Message);
            }
        });
        group.MapPost("os/{os}/insert", (EmulatorState s, string os, RecordsRequest? body) =>
            Change(s, os, store => store.Source.CanInsert
                ? new { inserted = store.Insert(body?.Count ?? 1, s.Time.GetUtcNow()), rowstamp = s.Data.Clock.Current }
                : throw new BadHttpRequestException($"{store.Structure.Name} has no record to copy.")));
        group.MapPost("os/{os}/delete", (EmulatorState s, string os, RecordsRequest? body) =>
            Change(s, os, store => new { deleted = store.Delete(body?.Count ?? 1, body?.Ids) }));
        group.MapPost("os/{os}/attributes", (EmulatorState s, string os, AttributeRequest body) =>
            string.IsNullOrWhiteSpace(body.Name) || body.Name.Any(c => !char.IsLetterOrDigit(c) && c != '_')
                ? Problem("name must be letters, digits and _")
                : Change(s, os, store =>
                {
                    store.AddAttribute(body.Name, Scalar(body.Value));
                    return new { added = body.Name.ToLowerInvariant(), objectStructure = store.Structure.Name };
                }));
        group.MapGet("faults", (EmulatorState s) => TypedResults.Ok(s.Faults.Snapshot()));
        group.MapPost("faults", (EmulatorState s, FaultSpec spec) =>
            Array.IndexOf(FaultRegistry.Kinds, spec.Kind) < 0
                ? Problem($"kind must be one of {string.Join(", ", FaultRegistry.Kinds)}")
                : spec.Kind == "status" && spec.Status is not (>= 400 and < 600)
                    ? Problem("status must be an HTTP error status (400-599)")
                    : Results.Ok(new { id = s.Faults.Add(spec) }));
        group.MapDelete("faults", (EmulatorState s) =>
        {
            s.Faults.Clear();
            return TypedResults.Ok(new { cleared = true });
        });
        group.MapPost("faults/{id:int}/release", (EmulatorState s, int id) =>
            s.Faults.Release(id) ? Results.Ok(new { released = id }) : Results.NotFound(new { error = $"no fault {id}" }));
        group.MapDelete("faults/{id:int}", (EmulatorState s, int id) =>
            s.Faults.Remove(id) ? Results.Ok(new { removed = id }) : Results.NotFound(new { error = $"no fault {id}" }));
        group.MapPost("keys/revoke", (EmulatorState s, KeyRequest? body) => TypedResults.Ok(new { revoked = s.Keys.SetRevoked(body?.ApiKey, true) }));
        group.MapPost("keys/restore", (EmulatorState s, KeyRequest? body) => TypedResults.Ok(new { restored = s.Keys.SetRevoked(body?.ApiKey, false) }));
    }

    private static IResult Problem(string error) => Results.BadRequest(new { error });

    private static IResult Change<T>(EmulatorState state, string os, Func<OsStore, T> change)
    {
        var data = state.Data;
        if (data.Find(os) is not { } store)
        {
            return Results.NotFound(new { error = $"unknown object structure {os}" });
        }
        data.Gate.EnterWriteLock();
        try
        {
            return Results.Ok(change(store));
        }
        catch (BadHttpRequestException e)
        {
            return Problem(e.Message);
        }
        catch (ChangeRefused e)
        {
            return Results.Json(new { error = e.Message }, statusCode: e.Status);
        }
        finally
        {
            data.Gate.ExitWriteLock();
        }
    }

    private static object State(EmulatorState state)
    {
        var data = state.Data;
        data.Gate.EnterReadLock();
        try
        {
            return new
            {
                origin = data.Origin,
                scale = state.Options.Scale,
                seed = state.Options.Seed,
                rowstamp = data.Clock.Current,
                maxPageSize = state.Variations.MaxPageSize,
                variations = VariationsRequest.Describe(state.Variations),
                stablePagingSets = state.StablePages.Count,
                objectStructures = data.Stores.ToDictionary(
                    s => s.Structure.Name,
                    s => new
                    {
                        count = s.LiveCount,
                        inserted = s.Inserted,
                        deleted = s.Deleted,
                        touched = s.Touched,
                        childrenChanged = s.ChildrenChanged,
                        addedAttributes = s.AddedAttributes,
                    }),
                faults = state.Faults.Snapshot(),
                apiKeys = state.Keys.All().Select(k => new { userid = k.UserId, revoked = k.Revoked }),
            };
        }
        finally
        {
            data.Gate.ExitReadLock();
        }
    }

    private static object? Scalar(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.TryGetInt64(out var l) ? (object)l : value.Value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
