using MaximoOffline.Data.Replica;

namespace MaximoOffline.Sync.Endpoints;

/// <summary>
/// <c>oslc.select</c> as the engine builds and reads it. Children are named by their path from the
/// main object: <c>assetmeter</c>, <c>maxuser/groupuser/maxgroup</c>.
/// </summary>
public static class SelectClause
{
    /// <summary>
    /// Every attribute, and each child table of the catalog under <paramref name="root"/> that
    /// <paramref name="keep"/> accepts, expanded under its JSON key: <c>*,maxuser{*,groupuser{*,maxgroup{*}}}</c>.
    /// </summary>
    public static string Build(ReplicaTable root, Func<string, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        return "*" + Children(root, "", keep ?? (_ => true));
    }

    private static string Children(ReplicaTable table, string prefix, Func<string, bool> keep) =>
        string.Concat(table.Children
            .Where(c => keep(prefix + c.JsonKey))
            .Select(c => $",{c.JsonKey}{{*{Children(c.Table, prefix + c.JsonKey + "/", keep)}}}"));

    /// <summary>Every child path under <paramref name="root"/> in the catalog.</summary>
    public static IReadOnlyList<string> CatalogPaths(ReplicaTable root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var paths = new List<string>();
        void Walk(ReplicaTable table, string prefix)
        {
            foreach (var child in table.Children)
            {
                paths.Add(prefix + child.JsonKey);
                Walk(child.Table, prefix + child.JsonKey + "/");
            }
        }

        Walk(root, "");
        return paths;
    }

    /// <summary>The child paths a select expands (<c>a,b{*,c{x}}</c> gives <c>b</c> and <c>b/c</c>).</summary>
    public static IReadOnlySet<string> ChildPaths(string select)
    {
        ArgumentNullException.ThrowIfNull(select);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var name = new System.Text.StringBuilder();
        foreach (var c in select)
        {
            switch (c)
            {
                case '{':
                    var path = (stack.Count > 0 ? stack.Peek() + "/" : "") + name.ToString().Trim();
                    paths.Add(path);
                    stack.Push(path);
                    name.Clear();
                    break;
                case '}':
                    if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    name.Clear();
                    break;
                case ',':
                    name.Clear();
                    break;
                default:
                    name.Append(c);
                    break;
            }
        }

        return paths;
    }

    /// <summary>The catalog tables the child paths land in, for the writer (a child not read must not be replaced).</summary>
    public static IReadOnlySet<string> Tables(ReplicaTable root, IReadOnlySet<string> childPaths)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(childPaths);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        void Walk(ReplicaTable table, string prefix)
        {
            foreach (var child in table.Children.Where(c => childPaths.Contains(prefix + c.JsonKey)))
            {
                tables.Add(child.Table.Name);
                Walk(child.Table, prefix + child.JsonKey + "/");
            }
        }

        Walk(root, "");
        return tables;
    }
}
