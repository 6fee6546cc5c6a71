namespace MaximoOffline.Emulator.Data;

// What oslc.select asked for at one level: attributes, child selections, or * for every attribute
// and every child inline, recursively (doclinks only as a link unless asked for as doclinks{...}).
// A named child's own selection wins over what * would give it.
internal sealed class Selection
{
    public static readonly Selection Star = new() { All = true };

    public bool All { get; init; }
    public HashSet<string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Selection> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => !All && Attributes.Count == 0 && Children.Count == 0;

    public bool Includes(string attribute) => All || Attributes.Contains(attribute);

    // The child's selection: named, or everything under *; null when the child is not selected.
    // doclinks under * is not inline (see LinksOnly).
    public Selection? Child(string name, bool isDocLinks = false) =>
        Children.GetValueOrDefault(name) ?? (All && !isDocLinks ? Star : null);

    // doclinks under * without a selection of its own: written as a link object, not inline.
    public bool LinksOnly(string name, bool isDocLinks) => isDocLinks && All && !Children.ContainsKey(name);
}
