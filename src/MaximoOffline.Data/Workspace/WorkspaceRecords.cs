using System.Text.Json;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using static MaximoOffline.Data.Workspace.RowValues;

namespace MaximoOffline.Data.Workspace;

/// <summary>
/// The workspace's detail pages: one record by its unique id, with every attribute Maximo sent, its
/// children, and its references across object structures resolved against the replica.
/// </summary>
public sealed class WorkspaceRecords(ReplicaStore database)
{
    public const int ChildLimit = 200;
    public const int RelatedLimit = 50;

    /// <summary>The record, soft-deleted or not, or null when the replica has no such row.</summary>
    public RecordView? Find(WorkspaceKind kind, long id)
    {
        ArgumentNullException.ThrowIfNull(kind);
        using var connection = database.OpenConnection();
        using var snapshot = database.BeginRead(connection);
        var table = kind.Table;
        var columns = table.Columns;
        using var command = ReplicaCommands.Create(connection, snapshot,
            $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))}, {ReplicaColumns.Raw}, {ReplicaColumns.SyncedAt}, " +
            $"{ReplicaColumns.SyncRunId}, {ReplicaColumns.DeletedAt} FROM {Quote(table.Name)} WHERE {Quote(table.KeyColumn)} = @id",
            ("@id", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var values = columns.Select((c, i) => (c.Name, Value: Read(reader, i, c.Kind))).ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        using var raw = JsonDocument.Parse(reader.GetString(columns.Count));
        var syncedAt = Time(reader, columns.Count + 1)!;
        var runId = reader.IsDBNull(columns.Count + 2) ? (long?)null : reader.GetInt64(columns.Count + 2);
        var deletedAt = Time(reader, columns.Count + 3);
        reader.Close();

        var links = new RecordLinks(connection, snapshot, WorkspaceSql.For(database));
        var view = new RecordView(kind.Slug, id, values[kind.NumberColumn]?.ToString(), Described(values, kind.DescriptionColumn),
            values.GetValueOrDefault(WorkspaceKind.SiteColumn)?.ToString(), syncedAt, runId, deletedAt,
            [.. columns.Select(c => new FieldValue(c.Name, values[c.Name], DescriptionIn(raw.RootElement, c.Name)))],
            Attributes(table, raw.RootElement),
            [.. kind.References.Select(r => links.Resolve(r, values)).OfType<ReferenceLink>()],
            [.. kind.Children.Select(c => links.Children(kind, c, id))],
            [.. kind.Related.Select(r => links.Related(r, values))]);
        snapshot.Commit();
        return view;
    }

    private static string? Described(Dictionary<string, object?> values, string column) => values.GetValueOrDefault(column)?.ToString();

    /// <summary>
    /// Every attribute of <c>raw</c> that has no typed column, in Maximo's order, each with its
    /// <c>_description</c> companion beside it; Maximo's links and bookkeeping (<c>href</c>, <c>_rowstamp</c>) left out.
    /// </summary>
    private static List<FieldValue> Attributes(ReplicaTable table, JsonElement raw)
    {
        var typed = table.Columns.Select(c => c.TopLevelAttribute).ToHashSet(StringComparer.Ordinal);
        var attributes = new List<FieldValue>();
        foreach (var property in raw.EnumerateObject())
        {
            var name = property.Name;
            var describes = name.EndsWith("_description", StringComparison.Ordinal) ? name[..^"_description".Length] : null;
            if (typed.Contains(name) || Writing.RowStager.IsDecoration(name) || (describes is not null && (typed.Contains(describes) || raw.TryGetProperty(describes, out _))))
            {
                continue;
            }

            attributes.Add(new FieldValue(name, JsonValue(property.Value), DescriptionIn(raw, name)));
        }

        return attributes;
    }

    private static object? DescriptionIn(JsonElement raw, string name) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty(name + "_description", out var description) ? JsonValue(description) : null;

    internal static object? JsonValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var n) ? n : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
