using MaximoOffline.Data.Database;

namespace MaximoOffline.Data.Replica;

/// <summary>Live and soft-deleted rows of one replica table.</summary>
public sealed record TableRowCount(string Table, long Rows, long Deleted);

/// <summary>Counts the rows of replica tables, all in one read snapshot (never blocking a sync's writes).</summary>
public sealed class ReplicaCounts(ReplicaStore database)
{
    public IReadOnlyDictionary<string, TableRowCount> Count(IEnumerable<ReplicaTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var connection = database.OpenConnection();
        using var snapshot = database.BeginRead(connection);
        var result = new Dictionary<string, TableRowCount>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = ReplicaCommands.Create(connection, snapshot,
                $"SELECT COUNT(*) - COUNT({ReplicaColumns.DeletedAt}), COUNT({ReplicaColumns.DeletedAt}) FROM \"{table.Name}\"");
            using var reader = command.ExecuteReader();
            reader.Read();
            result[table.Name] = new TableRowCount(table.Name, reader.GetInt64(0), reader.GetInt64(1));
        }

        snapshot.Commit();
        return result;
    }
}
