using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Query;

// oslc.select: "a,b,*", "assetmeter{*}", "maxuser{*,groupuser{*,maxgroup{*}}}". Dotted related
// attributes ("location.description") are accepted and ignored.
internal static class SelectParser
{
    public static Selection? Parse(string? select)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return null;
        }
        var pos = 0;
        var selection = ParseList(select, ref pos);
        if (pos < select.Length)
        {
            throw new QueryError(400, "BMXAA8744E", $"BMXAA8744E - The oslc.select query parameter is not valid near position {pos}.");
        }
        return selection;
    }

    private static Selection ParseList(string s, ref int pos)
    {
        var all = false;
        var attributes = new List<string>();
        var children = new Dictionary<string, Selection>(StringComparer.OrdinalIgnoreCase);
        while (pos < s.Length && s[pos] != '}')
        {
            var start = pos;
            while (pos < s.Length && s[pos] is not (',' or '{' or '}'))
            {
                pos++;
            }
            var name = s[start..pos].Trim();
            if (pos < s.Length && s[pos] == '{')
            {
                pos++;
                children[name] = ParseList(s, ref pos);
                if (pos >= s.Length || s[pos] != '}')
                {
                    throw new QueryError(400, "BMXAA8744E", "BMXAA8744E - The oslc.select query parameter has an unclosed '{'.");
                }
                pos++;
            }
            else if (name == "*")
            {
                all = true;
            }
            else if (name.Length > 0 && !name.Contains('.', StringComparison.Ordinal))
            {
                attributes.Add(name);
            }
            if (pos < s.Length && s[pos] == ',')
            {
                pos++;
            }
        }
        var selection = new Selection { All = all };
        selection.Attributes.UnionWith(attributes);
        foreach (var (name, child) in children)
        {
            selection.Children[name] = child;
        }
        return selection;
    }
}
