using System.Text.Json;
using MaximoOffline.Data.Database;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Tests;

/// <summary>A migrated replica in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempReplica : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "maximo-offline-tests", Guid.NewGuid().ToString("N"));

    public ReplicaDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = ReplicaDatabase.At(Path.Combine(Folder, "maximo.db"));
        await Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    public SqliteConnection Open() => Database.OpenConnection();

    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public long Count(string table, string where = "1=1") => (long)Scalar($"SELECT COUNT(*) FROM \"{table}\" WHERE {where}")!;

    /// <summary>Every row of a table as text, ordered by its first column: a snapshot to compare.</summary>
    /// <summary>The first column of every row <paramref name="sql"/> reads, as ids.</summary>
    public List<long> Ids(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Every row of <paramref name="table"/> as text, by unique id, without the columns <paramref name="except"/> names.</summary>
    public List<string> Rows(string table, params string[] except)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join("|", values.Where((_, i) => !except.Contains(reader.GetName(i)))
                .Select(v => v is DBNull ? "NULL" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public static IReadOnlyList<JsonElement> Page(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];
}
