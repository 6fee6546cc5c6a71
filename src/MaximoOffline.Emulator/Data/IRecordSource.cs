namespace MaximoOffline.Emulator.Data;

// The base data of one object structure (generated or loaded), addressed by index.
// Unique ids increase strictly with the index, so a range on the unique id is an index range;
// indexes at or past Count are records inserted later through the control API.
internal interface IRecordSource
{
    ObjectStructure Structure { get; }
    int Count { get; }
    bool CanInsert { get; }
    bool RowstampsIncreaseWithIndex { get; }
    IReadOnlyCollection<string> AttributeNames { get; }
    IReadOnlyCollection<string> ChildNames { get; }

    long IdAt(int index);
    long RowstampAt(int index);
    string RestIdAt(int index);

    // A cheap reader of one attribute, so filters and sorts need not build whole records. Null when unknown.
    Func<int, object?>? Accessor(string attribute);

    Rec Materialize(int index, Selection selection);
}
