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
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return reader.Read() ? Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)) : null;
    }
}
