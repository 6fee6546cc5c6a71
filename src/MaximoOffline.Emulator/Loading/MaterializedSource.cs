using System.Globalization;
using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Loading;

// Records held in memory (saved responses, the API-key list), sorted by unique id so the same
// index-range planning applies. Inserts clone an existing record under a new id and key.
internal sealed class MaterializedSource : IRecordSource
{
    private readonly List<Rec> _records;
    private readonly HashSet<string> _attributes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _children = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _lastId;

    public MaterializedSource(ObjectStructure structure, IEnumerable<Rec> records)
    {
        Structure = structure;
        _records = records
            .Where(r => IdOf(r) is not null)
            .GroupBy(r => IdOf(r)!.Value)
            .Select(g => g.Last())
            .OrderBy(r => IdOf(r))
            .ToList();
        foreach (var rec in _records)
        {
            foreach (var (name, _) in rec.Attributes)
            {
                _attributes.Add(name);
            }
            foreach (var child in rec.Children ?? [])
            {
                _children.Add(child.Name);
            }
        }
        _lastId = _records.Count == 0 ? 0 : IdOf(_records[^1])!.Value;
    }

    public ObjectStructure Structure { get; }
    public int Count => _records.Count;
    public bool CanInsert => _records.Count > 0;
    public bool RowstampsIncreaseWithIndex => false;
    public IReadOnlyCollection<string> AttributeNames => _attributes;
    public IReadOnlyCollection<string> ChildNames => _children;
    public long MaxRowstamp => _records.Count == 0 ? 0 : _records.Max(r => r.Rowstamp);

    public long IdAt(int index) => index < _records.Count ? IdOf(_records[index])!.Value : _lastId + (index - _records.Count + 1);

    public long RowstampAt(int index) => index < _records.Count ? _records[index].Rowstamp : 0;

    public string RestIdAt(int index)
    {
        var rec = RecordAt(index);
        return index < _records.Count && rec.RestId is { } saved
            ? saved
            : RestId.Encode(Structure.NaturalKey.Select(k => Convert.ToString(rec.Get(k), CultureInfo.InvariantCulture) ?? ""));
    }

    public Func<int, object?>? Accessor(string attribute) =>
        _attributes.Contains(attribute) ? index => RecordAt(index).Get(attribute) : null;

    public Rec Materialize(int index, Selection selection) => Project(RecordAt(index), selection, index < _records.Count ? null : RestIdAt(index));

    private long? IdOf(Rec rec) => rec.Get(Structure.UniqueId) switch
    {
        long l => l,
        double d => (long)d,
        string s when long.TryParse(s, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    // An inserted record: a copy of an existing one with a fresh id and a distinct natural key.
    private Rec RecordAt(int index)
    {
        if (index < _records.Count)
        {
            return _records[index];
        }
        var template = _records[(index - _records.Count) % _records.Count];
        var copy = new Rec(template.Attributes.Count) { Rowstamp = template.Rowstamp };
        foreach (var (name, value) in template.Attributes)
        {
            copy.Add(name, value);
        }
        copy.Set(Structure.UniqueId, IdAt(index));
        if (Structure.NaturalKey.FirstOrDefault(k => !k.Equals("siteid", StringComparison.OrdinalIgnoreCase)) is { } key)
        {
            copy.Set(key, $"{copy.Get(key)}-N{index - _records.Count + 1}");
        }
        return copy;
    }

    private static Rec Project(Rec rec, Selection selection, string? restId)
    {
        var result = new Rec(rec.Attributes.Count) { Rowstamp = rec.Rowstamp, UniqueId = rec.UniqueId, RestId = restId ?? rec.RestId, SelectedAll = selection.All };
        foreach (var (name, value) in rec.Attributes)
        {
            var described = name.EndsWith("_description", StringComparison.Ordinal) ? name[..^"_description".Length] : name;
            if (selection.Includes(name) || selection.Includes(described) && described != name)
            {
                result.Add(name, value);
            }
        }
        foreach (var child in rec.Children ?? [])
        {
            if (selection.LinksOnly(child.Name, child.IsDocLinks))
            {
                result.AddChildren(child with { Rows = [], LinkOnly = true });
            }
            else if (selection.Child(child.Name, child.IsDocLinks) is { } childSelection)
            {
                result.AddChildren(child with { Rows = child.Rows.Select(r => Project(r, childSelection, null)).ToList() });
            }
        }
        return result;
    }
}
