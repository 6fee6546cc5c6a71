using System.Data.Common;
using System.Text.RegularExpressions;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Tests.Shared;

namespace MaximoOffline.Data.Tests;

/// <summary>
/// PostgreSQL's counterpart of <see cref="ListPlanTests"/>: on a replica large enough that its planner
/// weighs indexes (tables of <see cref="Rows"/> rows, analysed), every statement the lists run for every
/// filter and sort (<see cref="ListPlanTests.Queries"/>) reads the replica's tables through an index:
/// <c>EXPLAIN</c> shows no sequential scan of one.
/// </summary>
internal static partial class PostgresListPlans
{
    private const int Rows = 30_000;

    public static async Task AssertEveryStatementUsesAnIndexAsync(PostgresServer server)
    {
        await using var replica = new PostgresReplica(await server.CreateDatabaseAsync("plans"));
        await replica.MigrateAsync();
        await using var connection = replica.OpenConnection();
        foreach (var kind in WorkspaceKinds.All)
        {
            Execute(connection, Fill(kind));
            foreach (var child in SearchIndex.Tables.Where(t => t != kind.Table && WorkspaceKinds.OfSearchTable(t) == kind))
            {
                Execute(connection, FillChild(kind, child));
            }
        }

        // As autovacuum leaves a replica that has been in use: statistics, and the visibility map that lets
        // a count read an index alone (without it the planner's choice would depend on autovacuum's timing).
        Execute(connection, "VACUUM ANALYZE");

        var problems = new List<string>();
        var statements = 0;
        foreach (var kind in WorkspaceKinds.All)
        {
            var seen = new Dictionary<string, (string, object?)[]>();
            var lists = new WorkspaceLists(replica)
            {
                Trace = command => seen.TryAdd(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]),
            };
            foreach (var query in ListPlanTests.Queries(kind))
            {
                lists.Page(WithATime(kind, query));
            }

            statements += seen.Count;
            foreach (var (sql, parameters) in seen)
            {
                using var explain = ReplicaCommands.Create(connection, null, "EXPLAIN " + sql, parameters);
                using var reader = explain.ExecuteReader();
                var plan = new List<string>();
                while (reader.Read())
                {
                    plan.Add(reader.GetString(0));
                }

                // A scan right under a Limit stops after the rows it was asked for (a count capped at 10,001 rows
                // of a table hardly bigger may read them in table order): bounded, not a full scan.
                if (plan.Where((line, i) => i == 0 || !plan[i - 1].Contains("Limit", StringComparison.Ordinal))
                    .Any(line => SeqScan().Match(line) is { Success: true } scan && ReplicaCatalog.All.Any(t => t.Name == scan.Groups[1].Value)))
                {
                    problems.Add($"{sql}\n  {string.Join("\n  ", plan)}");
                }
            }
        }

        Assert.True(statements > 100, $"only {statements} statements were run");
        Assert.True(problems.Count == 0, $"{problems.Count} of {statements} statements scan a table:\n{string.Join("\n", problems)}");
    }

    /// <summary>A cursor's sample sort value as a time when the list sorts by one (PostgreSQL refuses "M" as a time).</summary>
    private static ListQuery WithATime(WorkspaceKind kind, ListQuery query) =>
        query.After is { Value: string } after && ListQuery.ColumnKindOf(kind, query.Sort.Column) == ColumnKind.Date
            ? query with { After = after with { Value = "2024-01-05 00:00:00" } }
            : query;

    /// <summary>Rows of every list column, with empty values, three sites, four statuses, a few soft-deleted.</summary>
    private static string Fill(WorkspaceKind kind)
    {
        var table = kind.Table;
        var columns = kind.Columns.Select(c => c.Name).Where(c => c != table.KeyColumn).ToList();
        string Value(string column) => column switch
        {
            _ when column == kind.NumberColumn => "'N' || lpad(g::text, 6, '0')",
            WorkspaceKind.SiteColumn => "(ARRAY['S1', 'S2', 'S3'])[g % 3 + 1]",
            _ when column == kind.StatusColumn => "(ARRAY['APPR', 'WAPPR', 'COMP', 'ACTIVE'])[g % 4 + 1]",
            _ when column == kind.DescriptionColumn => "'pump ' || (g % 100)",
            _ => $"CASE WHEN g % 17 = 0 THEN NULL ELSE {table.Columns.Single(c => c.Name == column).Kind switch
            {
                ColumnKind.Integer => "g % 7",
                ColumnKind.Real => "(g % 13) * 1.5",
                ColumnKind.Date => "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'",
                ColumnKind.Flag => "g % 2 = 0",
                _ => "'V' || (g % 97)",
            }} END",
        };
        return $"INSERT INTO \"{table.Name}\" (\"{table.KeyColumn}\", {string.Join(", ", columns.Select(c => $"\"{c}\""))}, raw, synced_at, deleted_at) " +
               $"SELECT g, {string.Join(", ", columns.Select(Value))}, '{{}}'::jsonb, now(), CASE WHEN g % 50 = 0 THEN now() END " +
               $"FROM generate_series(1, {Rows}) g";
    }

    /// <summary>Rows of a child table a list by words reads too (a domain's values), each kind's searched words among them.</summary>
    private static string FillChild(WorkspaceKind kind, ReplicaTable child)
    {
        var searched = child.SearchColumns.Select((c, i) => (Name: c, Value: i == 0 ? "'V' || g" : "'pump ' || (g % 100)")).ToList();
        return $"INSERT INTO \"{child.Name}\" (\"{child.KeyColumn}\", \"{child.OwnerColumn(kind.Table)}\", {string.Join(", ", searched.Select(c => $"\"{c.Name}\""))}, raw, synced_at) " +
               $"SELECT g, g % {Rows} + 1, {string.Join(", ", searched.Select(c => c.Value))}, '{{}}'::jsonb, now() FROM generate_series(1, {Rows}) g";
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = ReplicaCommands.Create(connection, null, sql);
        command.CommandTimeout = 300;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"Seq Scan on (\w+)")]
    private static partial Regex SeqScan();
}
