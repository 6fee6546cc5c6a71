namespace MaximoOffline.Data.Replica;

/// <summary>
/// The shape of one replica table: one Maximo object (or child object) stored under Maximo's own
/// names. This is the one place that knows a table's shape: the EF Core model, the migration and
/// the upsert writer are all built from it.
/// </summary>
public sealed class ReplicaTable
{
    private readonly List<ReplicaColumn> _columns = [];
    private readonly List<ReplicaTable> _owners = [];
    private readonly List<ReplicaChild> _children = [];
    private readonly List<string> _searchColumns = [];

    private ReplicaTable(string name, string key, bool positionalKey, string[] naturalKey, string? keySource = null)
    {
        Name = name;
        KeyColumn = key;
        HasPositionalKey = positionalKey;
        NaturalKey = naturalKey;
        _columns.Add(new ReplicaColumn(key, positionalKey ? ColumnKind.Text : ColumnKind.Integer, keySource ?? key));
    }

    /// <summary>Table name: the Maximo object name, lower-case.</summary>
    public string Name { get; }

    /// <summary>Primary key column: Maximo's unique id attribute, or <c>rowkey</c> for a child that has none.</summary>
    public string KeyColumn { get; }

    /// <summary>The key column's definition (where in the JSON the unique id is read from).</summary>
    public ReplicaColumn Key => _columns[0];

    /// <summary>
    /// True for children that carry no unique id (such as <c>downtimereport</c>): they are keyed by
    /// their parent's key and their position in the parent's array.
    /// </summary>
    public bool HasPositionalKey { get; }

    /// <summary>Natural-key attributes (a unique index over live rows), empty for children.</summary>
    public IReadOnlyList<string> NaturalKey { get; }

    /// <summary>Typed columns, the key first. Every other attribute lives in <c>raw</c>.</summary>
    public IReadOnlyList<ReplicaColumn> Columns => _columns;

    /// <summary>
    /// Tables whose rows own rows of this one (an FK column each, cascade delete). Most children have
    /// one owner; an object that Maximo nests under several object structures (failurereport,
    /// doclinks, matusetrans) has one owner column per parent table and is stored once.
    /// </summary>
    public IReadOnlyList<ReplicaTable> Owners => _owners;

    /// <summary>
    /// True for objects that Maximo nests under a parent but that are shared by many parents and
    /// exist on their own (a security group under each of its memberships): upserted by key,
    /// never removed because one parent stopped listing them.
    /// </summary>
    public bool IsSharedReference { get; private set; }

    /// <summary>The child arrays Maximo nests in this object's JSON, and the tables they land in.</summary>
    public IReadOnlyList<ReplicaChild> Children => _children;

    /// <summary>
    /// Text columns that search everywhere matches words and number prefixes in, the record's number
    /// first (it weighs most in the ranking). Empty for a table that is not searched. The full-text
    /// index over them is set up in one place, <c>Workspace/SearchIndex</c>.
    /// </summary>
    public IReadOnlyList<string> SearchColumns => _searchColumns;

    /// <summary>True for a table that holds the main object of an object structure.</summary>
    public bool IsRoot => _owners.Count == 0 && !IsSharedReference;

    /// <summary>The FK column that points at <paramref name="owner"/>'s key.</summary>
    public string OwnerColumn(ReplicaTable owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!_owners.Contains(owner))
        {
            throw new InvalidOperationException($"Table '{Name}' is not owned by '{owner.Name}'.");
        }

        return OwnerColumnName(owner);
    }

    internal static string OwnerColumnName(ReplicaTable owner) => owner.Name + "_id";

    public override string ToString() => Name;

    internal static ReplicaTable Root(string name, string uniqueId, params string[] naturalKey) =>
        new(name, uniqueId, positionalKey: false, naturalKey);

    internal static ReplicaTable Child(string name, string uniqueId, params ReplicaTable[] owners) =>
        Child(name, uniqueId, uniqueId, owners);

    /// <summary>A child whose unique id Maximo nests inside the object (<paramref name="keySource"/>, dot-separated).</summary>
    internal static ReplicaTable Child(string name, string uniqueId, string keySource, params ReplicaTable[] owners)
    {
        var table = new ReplicaTable(name, uniqueId, positionalKey: false, [], keySource);
        table.AddOwners(owners);
        return table;
    }

    internal static ReplicaTable PositionalChild(string name, ReplicaTable owner)
    {
        var table = new ReplicaTable(name, ReplicaColumns.RowKey, positionalKey: true, []);
        table.AddOwners([owner]);
        return table;
    }

    internal static ReplicaTable SharedReference(string name, string uniqueId, ReplicaTable listedUnder, params string[] naturalKey)
    {
        var table = new ReplicaTable(name, uniqueId, positionalKey: false, naturalKey) { IsSharedReference = true };
        listedUnder._children.Add(new ReplicaChild(name, table));
        return table;
    }

    internal ReplicaTable Text(params string[] names) => Add(ColumnKind.Text, names);

    internal ReplicaTable Integer(params string[] names) => Add(ColumnKind.Integer, names);

    internal ReplicaTable Real(params string[] names) => Add(ColumnKind.Real, names);

    internal ReplicaTable Flag(params string[] names) => Add(ColumnKind.Flag, names);

    internal ReplicaTable Date(params string[] names) => Add(ColumnKind.Date, names);

    internal ReplicaTable Searchable(params string[] names)
    {
        foreach (var name in names)
        {
            if (HasPositionalKey || !_columns.Any(c => c.Name == name && c.Kind == ColumnKind.Text))
            {
                throw new InvalidOperationException($"'{Name}.{name}' cannot be searched: only text columns of a table keyed by a unique id can.");
            }

            _searchColumns.Add(name);
        }

        return this;
    }

    internal ReplicaTable Nested(string name, ColumnKind kind, string sourcePath)
    {
        _columns.Add(new ReplicaColumn(name, kind, sourcePath));
        return this;
    }

    private ReplicaTable Add(ColumnKind kind, string[] names)
    {
        foreach (var name in names)
        {
            _columns.Add(new ReplicaColumn(name, kind));
        }

        return this;
    }

    private void AddOwners(ReplicaTable[] owners)
    {
        foreach (var owner in owners)
        {
            _owners.Add(owner);
            owner._children.Add(new ReplicaChild(Name, this));
        }
    }
}

/// <summary>A child array in a Maximo object's JSON (<paramref name="JsonKey"/>) and the table its rows land in.</summary>
public sealed record ReplicaChild(string JsonKey, ReplicaTable Table);
