namespace MaximoOffline.Data.Workspace;

/// <summary>
/// One record as its detail page shows it: the typed columns, then every other attribute Maximo sent
/// (from <c>raw</c>), then the references it makes, its children and the records that name it.
/// <paramref name="SyncedAt"/> is when a sync last wrote it (UTC ISO-8601); <paramref name="DeletedAt"/>
/// when a full sync no longer saw it.
/// </summary>
public sealed record RecordView(
    string Kind, long Id, string? Number, string? Description, string? Site, string SyncedAt, long? SyncRunId, string? DeletedAt,
    IReadOnlyList<FieldValue> Fields, IReadOnlyList<FieldValue> Attributes, IReadOnlyList<ReferenceLink> References,
    IReadOnlyList<ChildRows> Children, IReadOnlyList<RelatedRecords> Related);

/// <summary>An attribute and its value; <paramref name="Description"/> is Maximo's <c>{name}_description</c> of a code, when it sent one.</summary>
public sealed record FieldValue(string Name, object? Value, object? Description);

/// <summary>
/// A reference to a record of another kind by its number (<paramref name="Value"/>): <paramref name="Id"/>
/// is the record's unique id, or null when the replica does not have it (shown as plain text, "not in the replica").
/// </summary>
public sealed record ReferenceLink(string Label, string Value, string Kind, long? Id);

/// <summary>A child table's rows under the record (at most <see cref="WorkspaceRecords.ChildLimit"/>; <paramref name="More"/> when there are others).</summary>
public sealed record ChildRows(string Title, string Table, IReadOnlyList<string> Columns, IReadOnlyList<ChildRow> Rows, bool More);

/// <summary>A child row's values by column, and the links its cells make (a planned material's inventory).</summary>
public sealed record ChildRow(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<ReferenceLink> Links);

/// <summary>Records of another kind that name this one (the open work orders on an asset), the first ones in that kind's order, and how many.</summary>
public sealed record RelatedRecords(string Title, string Kind, long Count, bool CountIsExact, IReadOnlyList<ListRow> Items);
