using System.Collections.Immutable;

namespace MaximoOffline.Emulator.Data;

// What the control API did to one child relation of one record: rows updated (new values and
// rowstamp), deleted, and inserted. Rows are keyed by their generation index, so the other rows of
// the relation keep their values. Immutable: a page copies the reference under the read lock and
// writes after releasing it.
internal sealed record ChildOverlay(
    ImmutableDictionary<long, RowEdit> Updated,
    ImmutableHashSet<long> Deleted,
    ImmutableList<InsertedRow> Inserted)
{
    public static readonly ChildOverlay Empty = new(ImmutableDictionary<long, RowEdit>.Empty, [], []);
}

internal sealed record RowEdit(long Rowstamp, IReadOnlyDictionary<string, object?> Values);

// RowIndex seeds the inserted row's generated values; Id is its unique id (null for children without one).
internal sealed record InsertedRow(long RowIndex, long? Id, long Rowstamp, IReadOnlyDictionary<string, object?> Values);
