using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MaximoOffline.Data.Database;

/// <summary>
/// The replica in a PostgreSQL database (<c>Replica:Provider=Postgres</c>, <c>ConnectionStrings:Replica</c>):
/// its connections, and bringing its schema up to date with PostgreSQL's own migrations set.
/// </summary>
public sealed class PostgresReplica : IAsyncDisposable, IDisposable
{
    public PostgresReplica(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    public DbContextOptions<PostgresMaximoDbContext> ContextOptions() =>
        new DbContextOptionsBuilder<PostgresMaximoDbContext>().UseNpgsql(DataSource).Options;

    public PostgresMaximoDbContext CreateContext() => new(ContextOptions());

    public NpgsqlConnection OpenConnection() => DataSource.OpenConnection();

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
