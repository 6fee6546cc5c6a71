using System.Data.Common;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MaximoOffline.Data.Database;

/// <summary>
/// The replica in a PostgreSQL database (<c>Replica:Provider=Postgres</c>, <c>ConnectionStrings:Replica</c>):
/// its connections, and bringing its schema up to date with PostgreSQL's own migrations set. Several
/// app nodes share it; what SQLite's file lock serialises, an advisory lock serialises here.
/// </summary>
public sealed class PostgresReplica : ReplicaStore, IAsyncDisposable, IDisposable
{
    /// <summary>The advisory lock that guards the run queue (claims, cancels, interrupts, run ends).</summary>
    public const long QueueLock = 0x4D58_4F51_0000_0000;

    public PostgresReplica(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw ReplicaDatabaseException.Postgres("(ConnectionStrings:Replica)", $"the connection string cannot be read ({e.Message})", e);
        }

        Location = $"'{parsed.Database ?? parsed.Username}' on {parsed.Host ?? "localhost"}:{parsed.Port}";
        DataSource = NpgsqlDataSource.Create(parsed.ConnectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    public override ReplicaProvider Provider => ReplicaProvider.Postgres;

    public override string Location { get; }

    public DbContextOptions<PostgresMaximoDbContext> ContextOptions() =>
        new DbContextOptionsBuilder<PostgresMaximoDbContext>().UseNpgsql(DataSource).Options;

    public override PostgresMaximoDbContext CreateContext() => new(ContextOptions());

    public override void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(DataSource);
    }

    public override NpgsqlConnection OpenConnection()
    {
        try
        {
            return DataSource.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw ReplicaDatabaseException.Postgres(Location, e.Message, e);
        }
    }

    public override DbTransaction BeginWrite(DbConnection connection, long? lockKey = null)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction();
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, transaction);
        command.Parameters.AddWithValue("key", lockKey ?? QueueLock);
        command.ExecuteNonQuery();
        return transaction;
    }

    public override DbTransaction BeginRead(DbConnection connection) =>
        ((NpgsqlConnection)connection).BeginTransaction(System.Data.IsolationLevel.RepeatableRead);

    /// <summary>The advisory lock that nodes take in turn to migrate the schema at start-up.</summary>
    public const long SchemaLock = 0x4D58_4F53_0000_0000;

    public override async Task<IAsyncDisposable> LockSchemaAsync(CancellationToken cancellationToken = default)
    {
        var connection = OpenConnection();
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", SchemaLock);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new SchemaLockHeld(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Releases the schema lock, then gives the connection back. Closing alone would not: a pooled
    /// connection keeps its session (and the session's advisory locks) until the pool next uses or drops it.
    /// </summary>
    private sealed class SchemaLockHeld(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", SchemaLock);
                await unlock.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    public override bool HasSchema()
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('sync_run', 'sync_state')", connection);
        return (long)command.ExecuteScalar()! == 2;
    }

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var context = CreateContext();
            await context.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw ReplicaDatabaseException.Postgres(Location, e.Message, e);
        }
    }

    public override IPageWriter CreateWriter(DbConnection connection, ReplicaTable root, IReadOnlySet<string>? childTables, TimeProvider time) =>
        new PostgresReplicaWriter((NpgsqlConnection)connection, root, childTables, time);

    public override object BookkeepingTime(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    public override object ReplicaTime(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    public override string IdIn(string column, string parameter) => $"{column} = ANY({parameter})";

    public override object IdList(IEnumerable<long> ids) => ids.ToArray();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
