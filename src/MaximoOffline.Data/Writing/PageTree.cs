using System.Text.Json;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Writing;

/// <summary>The writer of one table of an object structure's tree, on whichever database holds the replica.</summary>
internal interface ITableWriter
{
    ReplicaTable Table { get; }

    /// <summary>The writers of the child tables, in the order of the table's children the records carry.</summary>
    IReadOnlyList<ITableWriter> ChildTableWriters { get; }

    IReadOnlySet<string> TakeUntypedAttributes();

    void ForgetUntyped(IEnumerable<string> names);

    /// <summary>
    /// Writes <paramref name="inputs"/> and, for each of <paramref name="replacedOwners"/> (parents that
    /// existed before this page), removes the rows of this table it no longer lists.
    /// </summary>
    /// <returns>The rows written, in page order, and whether each key existed before.</returns>
    (List<StagedRow> Rows, Func<object, bool> Existed) Write(IReadOnlyList<RowInput> inputs, IReadOnlyCollection<object> replacedOwners,
        WriteContext context, TableCounts counts);
}

/// <summary>
/// How a page of records goes down an object structure's tree of tables, the same on every database:
/// the records of the main table first, then each child table with the rows its parents list.
/// </summary>
internal static class PageTree
{
    public static Dictionary<string, TableCounts> Write(ITableWriter root, IReadOnlyList<JsonElement> records, WriteContext context)
    {
        var counts = new Dictionary<string, TableCounts>(StringComparer.Ordinal);
        var inputs = new RowInput[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            inputs[i] = new RowInput(records[i], null, i);
        }

        WriteLevel(root, inputs, [], context, counts);
        return counts;
    }

    /// <summary>Every writer of the tree, the root first.</summary>
    public static IEnumerable<ITableWriter> All(ITableWriter root) => root.ChildTableWriters.SelectMany(All).Prepend(root);

    public static Dictionary<string, IReadOnlySet<string>> TakeUntyped(ITableWriter root)
    {
        var untyped = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var writer in All(root))
        {
            var names = writer.TakeUntypedAttributes();
            if (names.Count > 0)
            {
                untyped[writer.Table.Name] = untyped.TryGetValue(writer.Table.Name, out var seen) ? seen.Union(names).ToHashSet() : names;
            }
        }

        return untyped;
    }

    /// <summary>Forgets attributes taken for a page that rolled back, so that they are reported again.</summary>
    public static void Forget(ITableWriter root, IReadOnlyDictionary<string, IReadOnlySet<string>> untyped)
    {
        foreach (var writer in All(root))
        {
            if (untyped.TryGetValue(writer.Table.Name, out var names))
            {
                writer.ForgetUntyped(names);
            }
        }
    }

    private static void WriteLevel(ITableWriter writer, IReadOnlyList<RowInput> inputs, IReadOnlyCollection<object> replacedOwners,
        WriteContext context, Dictionary<string, TableCounts> counts)
    {
        if (!counts.TryGetValue(writer.Table.Name, out var tableCounts))
        {
            counts[writer.Table.Name] = tableCounts = new TableCounts();
        }

        var (rows, existed) = writer.Write(inputs, replacedOwners, context, tableCounts);
        if (rows.Count == 0)
        {
            return;
        }

        for (var c = 0; c < writer.ChildTableWriters.Count; c++)
        {
            var child = writer.ChildTableWriters[c];
            var childInputs = new List<RowInput>();
            foreach (var row in rows)
            {
                AddChildInputs(childInputs, row.Children[c], row.Key, child.Table);
            }

            // Only parents that existed before can have children to remove.
            var replaced = rows.Where(r => existed(r.Key)).Select(r => r.Key).ToList();
            WriteLevel(child, childInputs, replaced, context, counts);
        }
    }

    /// <summary>A child list is a JSON array, or (doclinks) an object whose <c>member</c> array holds the rows.</summary>
    private static void AddChildInputs(List<RowInput> inputs, JsonElement list, object ownerKey, ReplicaTable table)
    {
        switch (list.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return;
            case JsonValueKind.Object when list.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Array:
                list = member;
                break;
            case JsonValueKind.Object when !list.TryGetProperty("member", out _):
                // A linked but not expanded child ({"href": …}) carries no rows.
                return;
            case JsonValueKind.Array:
                break;
            default:
                throw new ReplicaWriteException(
                    $"The {table.Name} list of record {ownerKey} is not a JSON array (found {list.ValueKind}); the page was not written.");
        }

        var position = 0;
        foreach (var item in list.EnumerateArray())
        {
            inputs.Add(new RowInput(item, ownerKey, position++));
        }
    }
}
