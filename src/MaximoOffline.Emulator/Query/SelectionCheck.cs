using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Generation;

namespace MaximoOffline.Emulator.Query;

// --unknown-child reject: a child name in oslc.select that the object structure does not have is
// refused with 400 BMXAA8744E, at any depth (maxuser{groupuser{nosuch{*}}}). With ignore, such
// names are skipped, as they always were.
internal static class SelectionCheck
{
    public static void Check(OsStore store, Selection? selection, UnknownChildPolicy policy)
    {
        if (policy == UnknownChildPolicy.Ignore || selection is null)
        {
            return;
        }
        if (store.Source is GeneratedSource source)
        {
            Check(store.Structure.Name, source.Children, selection);
            return;
        }
        foreach (var name in selection.Children.Keys)
        {
            if (!store.ChildNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw Unknown(store.Structure.Name, name);
            }
        }
    }

    private static void Check(string path, IReadOnlyList<ChildTable> children, Selection selection)
    {
        foreach (var (name, childSelection) in selection.Children)
        {
            var child = children.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw Unknown(path, name);
            Check($"{path}.{child.Name.ToUpperInvariant()}", child.Nested, childSelection);
        }
    }

    private static QueryError Unknown(string path, string name) =>
        new(400, "BMXAA8744E", $"BMXAA8744E - The oslc.select query parameter is not valid. The relationship {name.ToUpperInvariant()} does not exist in {path}.");
}
