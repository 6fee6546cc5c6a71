using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// Where a list page ended: the last row's sort value and unique id. Opaque to clients (base64url of
/// a small JSON object that also names the sort it belongs to) and checked when it comes back: a
/// cursor that is not one a list gave, or that belongs to another sort, is refused with a 400.
/// A well-formed cursor that was edited only moves where the page starts; it cannot change what the
/// filters let through.
/// </summary>
public sealed record ListCursor(object? Value, long Key)
{
    private const int MaxLength = 1024;

    public string Encode(ListSort sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["s"] = sort.Column, ["d"] = sort.Descending, ["v"] = Value, ["k"] = Key,
        });
        return Base64Url.EncodeToString(json);
    }

    /// <exception cref="WorkspaceRequestException">Not a cursor of this list's sort.</exception>
    public static ListCursor Decode(string text, ListSort sort, ColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sort);
        try
        {
            if (text.Length > MaxLength)
            {
                throw Because("it is too long");
            }

            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(text));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 4
                || !root.TryGetProperty("s", out var column) || !root.TryGetProperty("d", out var descending)
                || !root.TryGetProperty("v", out var value) || !root.TryGetProperty("k", out var key)
                || !key.TryGetInt64(out var id))
            {
                throw Because("its fields are not a list position's");
            }

            if (column.ValueKind != JsonValueKind.String || column.GetString() != sort.Column
                || descending.ValueKind is not (JsonValueKind.True or JsonValueKind.False) || descending.GetBoolean() != sort.Descending)
            {
                throw Because($"it belongs to another sort than {sort}");
            }

            return new ListCursor(ReadValue(value, kind), id);
        }
        catch (FormatException e) when (e.Data.Contains(Reason))
        {
            throw Refused($" ({e.Message})");
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw Refused(""); // not base64url or not JSON: what the runtime says about it would mean nothing to a user
        }
    }

    private const string Reason = "reason";

    /// <summary>A reason a user can act on, told apart from the runtime's own format errors.</summary>
    private static FormatException Because(string reason)
    {
        var e = new FormatException(reason);
        e.Data[Reason] = true;
        return e;
    }

    private static WorkspaceRequestException Refused(string reason) =>
        WorkspaceRequestException.BadParameter("after", $"the cursor is not one this list gave{reason}; start again from the first page.");

    /// <summary>True for a time as the replica keeps it (so both engines refuse the same cursors, before any SQL).</summary>
    private static bool IsTime(string text) =>
        DateTime.TryParseExact(text, ReplicaColumns.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static object? ReadValue(JsonElement value, ColumnKind kind) => (value.ValueKind, kind) switch
    {
        (JsonValueKind.Null, _) => null,
        (JsonValueKind.String, ColumnKind.Text) => value.GetString(),
        (JsonValueKind.String, ColumnKind.Date) when IsTime(value.GetString()!) => value.GetString(),
        (JsonValueKind.Number, ColumnKind.Integer or ColumnKind.Flag) when value.TryGetInt64(out var n) => n,
        (JsonValueKind.Number, ColumnKind.Real) => value.GetDouble(),
        _ => throw Because($"its sort value is not a {kind.ToString().ToLowerInvariant()}"),
    };
}
