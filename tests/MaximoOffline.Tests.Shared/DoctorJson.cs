using System.Text.Json;

namespace MaximoOffline.Tests.Shared;

/// <summary>
/// The doctor's JSON report as the README documents it, written out here rather than taken from the
/// product's types: the command line's <c>doctor --json</c> and <c>GET /api/doctor</c> are both held
/// to it, so they have one shape. These are the paths of a report on a reachable http Maximo whose
/// checks all ran (arrays as <c>[]</c>; a null value is a leaf).
/// </summary>
public static class DoctorJson
{
    public static readonly IReadOnlySet<string> Shape = new SortedSet<string>(StringComparer.Ordinal)
    {
        "maximo", "checkedAt", "seconds", "requests",
        "verdict", "verdict.ok", "verdict.reasons", "verdict.warnings",
        "connection", "connection.reachable", "connection.milliseconds", "connection.status", "connection.encrypted", "connection.tls", "connection.error",
        "auth", "auth.mode", "auth.works", "auth.reasonCode", "auth.detail",
        "user", "user.userId", "user.defaultSite",
        "site", "site.id", "site.source",
        "server", "server.largestPageSize", "server.refusedPageSize", "server.unknownChild", "server.probedOn", "server.detail",
        "endpoints", "endpoints[].slug", "endpoints[].objectStructure", "endpoints[].cursor", "endpoints[].where", "endpoints[].count",
        "endpoints[].children", "endpoints[].children.server", "endpoints[].children.selected", "endpoints[].children.missing",
        "endpoints[].children.notSelected", "endpoints[].children.selectSource", "endpoints[].children.error",
        "endpoints[].page", "endpoints[].page.pageSize", "endpoints[].page.workedAt", "endpoints[].page.records", "endpoints[].page.milliseconds",
        "endpoints[].page.bytes", "endpoints[].page.attempts", "endpoints[].page.attempts[].pageSize", "endpoints[].page.attempts[].milliseconds",
        "endpoints[].page.attempts[].outcome", "endpoints[].page.error",
        "endpoints[].order", "endpoints[].order.outcome", "endpoints[].order.detail",
        "endpoints[].maxRowstamp", "endpoints[].maxRowstamp.covers", "endpoints[].maxRowstamp.format", "endpoints[].maxRowstamp.detail",
        "endpoints[].delta", "endpoints[].delta.works", "endpoints[].delta.detail",
        "endpoints[].recommendedPageSize", "endpoints[].error",
        "recommendations", "recommendations.pageSizes", "recommendations.pageSizes.domain", "recommendations.pageSizes.peruser",
        "recommendations.pageSizes.locations", "recommendations.pageSizes.assets", "recommendations.pageSizes.wodetail",
        "recommendations.pageSizes.inventory", "recommendations.maxConcurrentRequests", "recommendations.settings",
    };

    /// <summary>Every property path of <paramref name="json"/>; the elements of an array share one path.</summary>
    public static SortedSet<string> PathsOf(JsonElement json)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(json, "", paths);
        return paths;
    }

    private static void Walk(JsonElement element, string prefix, SortedSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                    paths.Add(path);
                    Walk(property.Value, path, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, prefix + "[]", paths);
                }

                break;
        }
    }
}
