using MaximoOffline.Data.Database;
using MaximoOffline.Tests.Shared;

namespace MaximoOffline.Data.Tests;

/// <summary>Nodes starting together take the schema lock in turn (a private PostgreSQL server the fixture starts).</summary>
public sealed class PostgresSchemaLockTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task TheNextNodeTakesTheSchemaLockAsSoonAsTheFirstReleasesIt()
    {
        var connectionString = await server.CreateDatabaseAsync("schemalock");
        // Two nodes: each its own pool of connections.
        await using var first = new PostgresReplica(connectionString);
        await using var second = new PostgresReplica(connectionString);

        await using (await first.LockSchemaAsync())
        {
            using var meanwhile = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.LockSchemaAsync(meanwhile.Token));
        }

        // Released, though the first node's connection went back to its pool and stays open there.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using (await second.LockSchemaAsync(wait.Token))
        {
        }
    }
}
