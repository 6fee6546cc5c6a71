using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Settings;

namespace MaximoOffline.Sync.Engine;

/// <summary>The <c>oslc.select</c> a run reads with, and the child paths it expands.</summary>
internal sealed record SelectPlan(string Select, IReadOnlySet<string> ChildPaths, IReadOnlyList<string> Dropped, string Source);

/// <summary>
/// Asks only for children the server has. At the start of a run it reads <c>jsonschemas/{os}</c>
/// once and leaves out of the catalog's select every child the object structure lacks (a server may
/// refuse a select naming one, on every page). <c>Sync:Select:&lt;slug&gt;</c> replaces the select
/// altogether; when the schema cannot be read, the catalog's select is used as it is.
/// </summary>
internal sealed class SelectProbe(MaximoClient client, SyncOptions sync)
{
    /// <summary>The select <see cref="PlanAsync"/> gives when the server has every child the catalog names.</summary>
    public string Expected(EndpointDefinition endpoint) => Configured(endpoint) ?? endpoint.Select;

    private string? Configured(EndpointDefinition endpoint) =>
        sync.Select.TryGetValue(endpoint.Slug, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured : null;

    public async Task<SelectPlan> PlanAsync(RunContext run, EndpointDefinition endpoint, CancellationToken cancellationToken)
    {
        if (Configured(endpoint) is { } configured)
        {
            run.Info($"Reading with Sync:Select:{endpoint.Slug} ({configured}).");
            return new SelectPlan(configured, SelectClause.ChildPaths(configured), [], $"Sync:Select:{endpoint.Slug}");
        }

        var all = SelectClause.CatalogPaths(endpoint.Root);
        ObjectStructureSchema schema;
        try
        {
            using var document = await client.GetDocumentAsync($"jsonschemas/{endpoint.ObjectStructure.ToLowerInvariant()}", cancellationToken);
            schema = ObjectStructureSchema.Parse(document.RootElement);
        }
        catch (MaximoException e)
        {
            run.Warn($"Maximo's schema of {endpoint.ObjectStructure} could not be read ({e.Message}); reading every child the catalog names.");
            return new SelectPlan(endpoint.Select, all.ToHashSet(StringComparer.Ordinal), [], "catalog");
        }

        var dropped = all.Where(p => !schema.Children.Contains(p)).ToList();
        if (schema.Attributes.Count == 0 || (dropped.Count == all.Count && all.Count > 0))
        {
            // A schema naming none of the children is more likely one this engine cannot read than an
            // object structure without any: asking for them all is the safe side.
            run.Warn($"Maximo's schema of {endpoint.ObjectStructure} names none of its children; reading every child the catalog names.");
            return new SelectPlan(endpoint.Select, all.ToHashSet(StringComparer.Ordinal), [], "catalog");
        }

        if (dropped.Count > 0)
        {
            run.Warn($"{endpoint.ObjectStructure} on this Maximo has no {string.Join(", ", dropped)}: not asked for, and their rows in the replica are left as they are.");
        }

        var kept = all.Where(schema.Children.Contains).ToHashSet(StringComparer.Ordinal);
        // With nothing dropped, exactly the catalog's select (the one the read's first page went out with).
        var select = dropped.Count == 0 ? endpoint.Select : SelectClause.Build(endpoint.Root, kept.Contains);
        return new SelectPlan(select, kept, dropped, "catalog, checked against the server's schema");
    }
}
