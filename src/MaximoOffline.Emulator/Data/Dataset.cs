using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Data;

// Everything the emulator serves: one store per object structure and the shared rowstamp counter.
// Reads take the gate's read lock while they pick and build a page; control-API changes take the
// write lock, so a page never sees half a change.
internal sealed class Dataset
{
    private readonly Dictionary<string, OsStore> _stores;

    public Dataset(IEnumerable<IRecordSource> sources, ulong seed, long rowstampStart, string origin)
    {
        Clock = new RowstampClock(rowstampStart);
        _stores = sources.ToDictionary(s => s.Structure.Name, s => new OsStore(s, Clock, seed), StringComparer.OrdinalIgnoreCase);
        Origin = origin;
    }

    public RowstampClock Clock { get; }
    public ReaderWriterLockSlim Gate { get; } = new(LockRecursionPolicy.NoRecursion);
    public string Origin { get; }
    public IEnumerable<OsStore> Stores => _stores.Values;

    public OsStore? Find(string objectStructure) => _stores.GetValueOrDefault(objectStructure);

    public static Dataset Generate(int scale, int seed, IReadOnlyList<string>? withoutChildren = null)
    {
        var s = (ulong)seed;
        var without = withoutChildren ?? [];
        IRecordSource[] sources =
        [
            .. new GeneratedSource[]
            {
                new PersonGenerator(scale).Create(s),
                LocationsGenerator.Create(s, scale),
                new AssetGenerator(s, scale).Create(),
                new DomainGenerator(s).Create(s),
                new WorkOrderGenerator(s, scale).Create(),
                InventoryGenerator.Create(s, scale),
            }.Select(source => source.Without(without
                .Where(w => w.StartsWith(source.Structure.Name + "/", StringComparison.OrdinalIgnoreCase))
                .Select(w => w[(source.Structure.Name.Length + 1)..]).ToList())),
        ];
        return new Dataset(sources, s, RowstampRegions.CounterStart, $"generated (scale {scale}, seed {seed})");
    }
}
