using System.Data.Common;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using Microsoft.EntityFrameworkCore;

namespace MaximoOffline.Data.Database;

/// <summary>Where the replica lives: <c>Replica:Provider</c>.</summary>
public enum ReplicaProvider
{
    /// <summary>A SQLite file on this machine (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by the nodes of a team server (<c>ConnectionStrings:Replica</c>).</summary>
    Postgres,
}

/// <summary>
/// The replica's database, whichever engine holds it: how connections and EF Core contexts are made,
/// how the schema is brought up to date, how a page writer is built, and the few places where the two
/// engines' SQL differs. The bookkeeping and the engine speak only to this.
/// </summary>
public abstract class ReplicaStore
{
    public abstract ReplicaProvider Provider { get; }

    /// <summary>Where the replica is, for messages: the file's path, or the PostgreSQL host and database (never a password).</summary>
    public abstract string Location { get; }

    /// <summary>Opens a connection; failures are <see cref="ReplicaDatabaseException"/>s that name <see cref="Location"/>.</summary>
    public abstract DbConnection OpenConnection();

    /// <summary>
    /// Begins a transaction that writes the bookkeeping, serialised with every other such transaction
    /// of any process or node (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: a transaction-scoped advisory
    /// lock on <paramref name="lockKey"/>, by default the one that guards the run queue).
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection, long? lockKey = null);

    /// <summary>Begins a read-only transaction that sees one snapshot and never blocks a writer.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    public abstract MaximoDbContext CreateContext();

    /// <summary>Configures <paramref name="builder"/> for this database (used by DI registration too).</summary>
    public abstract void Configure(DbContextOptionsBuilder builder);

    /// <summary>Creates the database's schema or brings it up to date.</summary>
    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds, until disposed, the right to change the database's schema, so that nodes starting at the
    /// same moment bring it up to date one after the other (the replica's migrations, the job store's).
    /// A SQLite file has one app: nothing to hold.
    /// </summary>
    public virtual Task<IAsyncDisposable> LockSchemaAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(NothingHeld.Instance);

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>True when the database holds the replica's schema (a sync or the app has migrated it).</summary>
    public abstract bool HasSchema();

    /// <summary>A writer of one object structure's pages on <paramref name="connection"/> (which it then uses alone).</summary>
    public abstract IPageWriter CreateWriter(DbConnection connection, ReplicaTable root, IReadOnlySet<string>? childTables, TimeProvider time);

    /// <summary>A UTC time as a parameter of a bookkeeping statement (a time column of <c>sync_run</c>, <c>sync_log</c>, <c>sync_state</c>).</summary>
    public abstract object BookkeepingTime(DateTime utc);

    /// <summary>A UTC time as a parameter for a replica table's time columns (<c>deleted_at</c>, <c>synced_at</c>).</summary>
    public abstract object ReplicaTime(DateTime utc);

    /// <summary>SQL true when <paramref name="column"/> is one of the ids passed as <paramref name="parameter"/> (see <see cref="IdList"/>).</summary>
    public abstract string IdIn(string column, string parameter);

    /// <summary>The value of the parameter <see cref="IdIn"/> names.</summary>
    public abstract object IdList(IEnumerable<long> ids);
}
