namespace MaximoOffline.Emulator.Data;

// One member of a page as chosen under the dataset's read lock, with what the overlays say about it
// copied out, so its body can be written after the lock is released. Generated records are then
// written straight from (seed, index); records of other sources come materialised.
internal sealed class PageMember(int index, string restId, long rowstamp)
{
    public int Index => index;
    public string RestId => restId;
    public long Rowstamp => rowstamp;

    // Set when the control API touched, changed or inserted the record and its structure has change dates.
    public DateTimeOffset? TouchedAt { get; init; }

    // Attribute values the control API set on the record (never changed once shared).
    public IReadOnlyDictionary<string, object?>? Values { get; init; }

    // What the control API did to the record's children, by child name (never changed once shared).
    public IReadOnlyDictionary<string, ChildOverlay>? ChildEdits { get; init; }

    // Attributes the control API added, selected and in the order they were added.
    public IReadOnlyList<KeyValuePair<string, object?>> Added { get; init; } = [];

    // The whole record, for sources that cannot stream.
    public Rec? Materialized { get; init; }
}
