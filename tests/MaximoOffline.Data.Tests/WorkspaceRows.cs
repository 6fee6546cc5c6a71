using System.Text.Json;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;

namespace MaximoOffline.Data.Tests;

/// <summary>
/// A replica with rows of every workspace kind in two sites, with the awkward cases a list meets:
/// empty sort values, closed work orders, soft-deleted rows, ties. <see cref="Fill"/> writes the same rows
/// into a replica on either engine.
/// </summary>
public sealed class WorkspaceRows : IAsyncLifetime
{
    public const int PerSite = 12;

    public TempReplica Replica { get; } = new();

    public async Task InitializeAsync()
    {
        await Replica.InitializeAsync();
        Fill(Replica.Database);
    }

    /// <summary>Writes the rows into <paramref name="store"/> as a sync does, then marks a few deleted as a full sync's sweep does.</summary>
    public static void Fill(ReplicaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        string[] sites = ["S1", "S2"];
        string[] statuses = ["WAPPR", "APPR", "INPRG", "COMP", "CLOSE"];
        Write(store, ReplicaCatalog.Asset, sites.SelectMany((site, s) => Enumerable.Range(1, PerSite).Select(i => Record(
            ("assetuid", s * 100 + i), ("assetnum", $"A{i:D2}"), ("siteid", site), ("description", i % 4 == 0 ? null : $"Pump {i % 3}"),
            ("status", statuses[i % 2]), ("status_description", $"status {statuses[i % 2]}"), ("location", i % 5 == 0 ? null : $"L{i % 3}")))));
        Write(store, ReplicaCatalog.Locations, sites.SelectMany((site, s) => Enumerable.Range(1, PerSite).Select(i => Record(
            ("locationsid", s * 100 + i), ("location", $"L{i}"), ("siteid", site), ("description", $"Area {i % 2}"),
            ("type", i % 3 == 0 ? null : "OPERATING"), ("status", "OPERATING"), ("parent", i == 1 ? null : "L1")))));
        Write(store, ReplicaCatalog.WorkOrder, sites.SelectMany((site, s) => Enumerable.Range(1, PerSite).Select(i => Record(
            ("workorderid", s * 100 + i), ("wonum", $"{1000 + i}"), ("siteid", site), ("description", $"Repair pump {i}"),
            ("status", statuses[i % statuses.Length]), ("wopriority", i % 4 == 0 ? null : i % 3), ("assetnum", $"A{i % 4:D2}"),
            ("location", "L1"), ("targstartdate", $"2024-0{1 + (i % 3)}-01T08:00:00+00:00"),
            ("schedstart", i % 2 == 0 ? null : $"2024-02-{10 + i}T08:00:00-05:00")))));
        Write(store, ReplicaCatalog.Inventory, sites.SelectMany((site, s) => Enumerable.Range(1, PerSite).Select(i => Record(
            ("inventoryid", s * 100 + i), ("itemnum", $"{200000 + i}"), ("itemsetid", "SET1"), ("location", "CENTRAL"), ("siteid", site),
            ("description", $"Bearing {i % 2}"), ("curbaltotal", i % 4 == 0 ? null : (i % 3) * 1.5), ("status", "ACTIVE")))));
        Write(store, ReplicaCatalog.Person, Enumerable.Range(1, PerSite).Select(i => Record(
            ("personuid", i), ("personid", $"P{i:D2}"), ("displayname", $"Person {i % 3}"), ("department", i % 2 == 0 ? null : "MAINT"),
            ("status", i % 3 == 0 ? "INACTIVE" : "ACTIVE"))));
        Write(store, ReplicaCatalog.MaxDomain, Enumerable.Range(1, PerSite).Select(i => Record(
            ("maxdomainid", i), ("domainid", $"D{i:D2}"), ("description", $"Domain {i}"), ("domaintype", i % 2 == 0 ? "SYNONYM" : "ALN"))));

        // A few of each kind were deleted in Maximo (a full sync's sweep marked them).
        using var connection = store.OpenConnection();
        foreach (var kind in WorkspaceKinds.All)
        {
            using var command = ReplicaCommands.Create(connection, null,
                $"UPDATE {kind.Table.Name} SET deleted_at = @deletedAt WHERE {kind.Table.KeyColumn} % 5 = 2",
                ("@deletedAt", store.ReplicaTime(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc))));
            command.ExecuteNonQuery();
        }
    }

    public Task DisposeAsync() => Replica.DisposeAsync();

    public void Execute(string sql)
    {
        using var connection = Replica.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Writes <paramref name="records"/> (JSON objects) into <paramref name="store"/> as one page of a sync.</summary>
    internal static void Write(ReplicaStore store, ReplicaTable root, IEnumerable<string> records)
    {
        using var connection = store.OpenConnection();
        using var writer = store.CreateWriter(connection, root, null, TimeProvider.System);
        writer.WritePage(TempReplica.Page("[" + string.Join(",", records) + "]"), syncRunId: 1);
    }

    private static string Record(params (string Name, object? Value)[] attributes) =>
        JsonSerializer.Serialize(attributes.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value));
}
