using System.Text;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Json;

namespace MaximoOffline.Emulator.Generation;

// What one request writes of one generated table, decided once instead of per record: the selected
// attributes with their encoded names (lean or namespaced, doclinks' own names), and the selected
// child tables with their plans.
internal sealed class TablePlan
{
    private readonly Selection _selection;

    private TablePlan(Selection selection, AttributePlan[] attributes, ChildPlan[] children)
    {
        _selection = selection;
        Attributes = attributes;
        Children = children;
    }

    public AttributePlan[] Attributes { get; }
    public ChildPlan[] Children { get; }

    // Whether the selection asked for the attribute (known to the table or not).
    public bool Selects(string attribute) => _selection.Includes(attribute);

    // tablePath names the table in child keys: "ASSET", then "ASSET/ASSETMETER" for its meters.
    public static TablePlan For(Schema schema, IReadOnlyList<ChildTable> children, Selection selection, bool lean, string tablePath, bool docLinks = false)
    {
        var attributes = new List<AttributePlan>(schema.Attributes.Count);
        foreach (var attribute in schema.Attributes)
        {
            if (selection.Includes(attribute.Describes ?? attribute.Name))
            {
                var name = docLinks
                    ? JsonName.Of(lean ? attribute.Name : DocLinkName(attribute.Name))
                    : JsonName.For(attribute.Name, lean);
                attributes.Add(new AttributePlan(attribute, name, KindOf(attribute.Name, docLinks)));
            }
        }
        var childPlans = new List<ChildPlan>();
        foreach (var child in children)
        {
            var path = $"{tablePath}/{child.Name.ToUpperInvariant()}";
            var name = JsonName.For(child.Name, lean);
            var relation = Encoding.UTF8.GetBytes(child.Relation);
            if (selection.LinksOnly(child.Name, child.IsDocLinks))
            {
                childPlans.Add(new ChildPlan(child, name, relation, null, []));
            }
            else if (selection.Child(child.Name, child.IsDocLinks) is { } childSelection)
            {
                childPlans.Add(new ChildPlan(child, name, relation,
                    For(child.Schema, child.Nested, childSelection, lean, path, child.IsDocLinks), Encoding.UTF8.GetBytes(path + "/")));
            }
        }
        return new TablePlan(selection, [.. attributes], [.. childPlans]);
    }

    private static AttributeKind KindOf(string name, bool docLinks) => name switch
    {
        "format" when docLinks => AttributeKind.DocLinkFormat,
        "changedate" => AttributeKind.ChangeDate,
        "changeby" => AttributeKind.ChangeBy,
        _ => AttributeKind.Plain,
    };

    // The namespaced names real servers give doclinks' describedBy properties.
    private static string DocLinkName(string name) => name switch
    {
        "title" or "description" or "identifier" or "created" or "modified" => "dcterms:" + name,
        "attachmentSize" => "oslc_cm:" + name,
        _ => "spi:" + name,
    };
}

// ChangeDate and ChangeBy are what a touched record overrides; DocLinkFormat is written as an object.
internal enum AttributeKind
{
    Plain,
    ChangeDate,
    ChangeBy,
    DocLinkFormat,
}

internal readonly record struct AttributePlan(AttributeDef Def, JsonName Name, AttributeKind Kind);

// Plan is null when the child is only linked (doclinks under oslc.select=*). KeyPrefix is the
// child key's text before the row's id: "ASSET/ASSETMETER/".
internal sealed record ChildPlan(ChildTable Table, JsonName Name, byte[] Relation, TablePlan? Plan, byte[] KeyPrefix);
