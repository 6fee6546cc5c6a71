namespace MaximoOffline.Data.Replica;

/// <summary>
/// A typed column of a replica table. The column is named after the Maximo attribute it holds;
/// <paramref name="SourcePath"/> differs only for attributes that Maximo nests (doclinks'
/// <c>describedBy</c>), written as dot-separated property names.
/// </summary>
public sealed record ReplicaColumn(string Name, ColumnKind Kind, string SourcePath)
{
    public ReplicaColumn(string name, ColumnKind kind) : this(name, kind, name) { }

    internal string[] SourceSegments { get; } = SourcePath.Split('.');

    /// <summary>The attribute at the top level of the record that this column reads.</summary>
    internal string TopLevelAttribute => SourceSegments[0];
}
