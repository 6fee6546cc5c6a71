namespace MaximoOffline.Emulator.Data;

// What oslc.select asked for at one level: attributes (or * for all) and child selections.
// "*" selects attributes only; children must be named ("assetmeter{*}").
internal sealed class Selection
{
    public static readonly Selection AllAttributes = new() { All = true };

    public bool All { get; init; }
    public HashSet<string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Selection> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => !All && Attributes.Count == 0 && Children.Count == 0;

    public bool Includes(string attribute) => All || Attributes.Contains(attribute);

    public Selection? Child(string name) => Children.GetValueOrDefault(name);
}
