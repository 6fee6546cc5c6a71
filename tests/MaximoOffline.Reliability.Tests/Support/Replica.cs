using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Reliability.Tests.Support;

/// <summary>
/// The test's own plain-SQL view of a replica file. Every call opens and closes its own connection
/// (no pool), so nothing of the test holds the file between product processes.
/// </summary>
public sealed class Replica(string path)
{
    public string Path { get; } = path;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path};Mode=ReadWrite;Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public long Long(string sql) => Convert.ToInt64(Scalar(sql) ?? 0L, CultureInfo.InvariantCulture);

    public List<object?[]> Rows(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The first column of every row, as invariant text.</summary>
    public List<string> Texts(string sql) => Rows(sql).Select(r => Text(r[0])!).ToList();

    public static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    /// <summary>The primary-key column of a table.</summary>
    public string KeyColumn(string table) => Texts($"SELECT name FROM pragma_table_info('{table}') WHERE pk = 1").Single();

    public bool HasColumn(string table, string column) => Long($"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'") == 1;

    /// <summary>(id, endpoint, status) of the runs with an id above <paramref name="afterId"/>.</summary>
    public List<(long Id, string Endpoint, string Status)> Runs(long afterId = 0) =>
        Rows($"SELECT id, endpoint, status FROM sync_run WHERE id > {afterId} ORDER BY id")
            .Select(r => ((long)r[0]!, (string)r[1]!, (string)r[2]!)).ToList();

    public long MaxRunId() => File.Exists(Path) ? Long("SELECT COALESCE(MAX(id), 0) FROM sync_run") : 0;

    /// <summary>Pages committed so far by the endpoint runs with an id above <paramref name="afterId"/>; -1 while the file or its schema is not there yet.</summary>
    public long PagesSince(long afterId)
    {
        if (!File.Exists(Path))
        {
            return -1;
        }

        try
        {
            return Long($"SELECT COALESCE(SUM(pages), 0) FROM sync_run WHERE id > {afterId} AND endpoint <> 'all'");
        }
        catch (SqliteException)
        {
            return -1; // being created or migrated by the product
        }
    }
}
