using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The web app after a full sync of every endpoint, started through the API as a user's script would
/// (<c>POST /api/sync/all</c>, then the run's status until it ends): what the workspace pages' tests read.
/// </summary>
public sealed class SyncedWebAppFixture : WebAppFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var start = await Http.PostAsJsonAsync("api/sync/all", new { full = true });
        start.EnsureSuccessStatusCode();
        var run = await WaitForEndAsync((await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());
        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
    }

    /// <summary>The first row of a read-only query on the replica file, by column name (the test's own view of the data).</summary>
    public Dictionary<string, object?>? ReplicaRow(string sql)
    {
        using var connection = Open(readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return reader.Read() ? Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)) : null;
    }

    /// <summary>A value read from the replica file itself: the test's own view of it.</summary>
    public T Scalar<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = Open(readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "The replica has no row for: " + sql);
        return read(reader);
    }

    /// <summary>Changes the replica as another program would (its triggers keep the search index).</summary>
    public void Execute(string sql)
    {
        using var connection = Open(readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open(bool readOnly)
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};{(readOnly ? "Mode=ReadOnly;" : "")}Pooling=False");
        connection.Open();
        return connection;
    }
}
