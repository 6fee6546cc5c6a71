using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MaximoOffline.Data.Database;

/// <summary>
/// The replica's SQLite file: where it is, how connections to it are opened (WAL, a busy timeout,
/// foreign keys on), and bringing its schema up to date.
/// </summary>
public sealed class ReplicaDatabase : ReplicaStore
{
    /// <summary>How long a statement waits for another connection's write lock before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly SqlitePragmas _pragmas;

    private ReplicaDatabase(string path, int? maxMegabytes, bool readOnly = false)
    {
        Path = path;
        MaxMegabytes = maxMegabytes;
        IsReadOnly = readOnly;
        _pragmas = new SqlitePragmas(maxMegabytes is { } mb ? (long)mb * 1024 * 1024 / PageSize : null);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>SQLite's default page size, which the replica keeps.</summary>
    private const int PageSize = 4096;

    /// <summary>A size limit on the file, or null for none: writes beyond it fail as a full disk would.</summary>
    public int? MaxMegabytes { get; }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    public override ReplicaProvider Provider => ReplicaProvider.Sqlite;

    public override string Location => $"'{Path}'";

    public string ConnectionString { get; }

    /// <summary>The default location, as the original scripts had it: <c>~/.maximo_offline/maximo.db</c>.</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".maximo_offline", "maximo.db");

    /// <summary>
    /// The database at <paramref name="configuredPath"/> (<c>~</c> expands to the home folder), or at
    /// <see cref="DefaultPath"/> when none is configured. Nothing is touched on disk until the
    /// database is first opened or migrated, which creates the folder when it is missing.
    /// </summary>
    public static ReplicaDatabase At(string? configuredPath, int? maxMegabytes = null) => new(ResolvePath(configuredPath), maxMegabytes);

    /// <summary>
    /// An existing replica opened for reading only (the command line's <c>status</c> and <c>monitor</c>):
    /// it never creates the file, takes no write lock, and cannot change anything.
    /// </summary>
    public static ReplicaDatabase ReadOnly(string path) => new(path, null, readOnly: true);

    /// <summary>Opened for reading only (see <see cref="ReadOnly"/>).</summary>
    public bool IsReadOnly { get; }

    /// <summary>True when the file exists and holds the replica's schema (a sync has migrated it).</summary>
    public override bool HasSchema()
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        using var connection = OpenConnection();
        using var command = ReplicaCommands.Create(connection, null,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sync_run', 'sync_state')");
        return (long)command.ExecuteScalar()! == 2;
    }

    private void EnsureFolder()
    {
        try
        {
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ReplicaDatabaseException(Path, $"its folder cannot be created ({e.Message})", e);
        }
    }

    /// <summary>Resolves a configured path the way <see cref="At"/> does, without touching the disk.</summary>
    public static string ResolvePath(string? configuredPath)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            return DefaultPath;
        }

        var path = configuredPath.Trim();
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~', '/'));
        }

        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ReplicaDatabaseException(configuredPath, $"it is not a valid file path ({e.Message})", e);
        }
    }

    /// <summary>Opens a connection with the replica's pragmas applied; failures name the path.</summary>
    public override SqliteConnection OpenConnection()
    {
        if (!IsReadOnly)
        {
            EnsureFolder();
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            _pragmas.Apply(connection);
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ReplicaDatabaseException(Path, e.Message, e);
        }
    }

    /// <summary>EF Core options for this file; every connection EF opens gets the same pragmas.</summary>
    public DbContextOptions<MaximoDbContext> ContextOptions()
    {
        var builder = new DbContextOptionsBuilder<MaximoDbContext>();
        Configure(builder);
        return builder.Options;
    }

    public override MaximoDbContext CreateContext() => new(ContextOptions());

    /// <summary>Configures <paramref name="builder"/> for this file (used by DI registration too).</summary>
    public override void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseSqlite(ConnectionString, o => o.CommandTimeout((int)BusyTimeout.TotalSeconds))
            .AddInterceptors(_pragmas);
    }

    /// <summary>
    /// Creates the file when missing and applies every pending migration; switches the file to WAL so
    /// that readers (the dashboard, the monitor) never block the sync's writer.
    /// </summary>
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        EnsureFolder();
        try
        {
            await using var context = CreateContext();
            await context.Database.MigrateAsync(cancellationToken);
            await using var connection = OpenConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new ReplicaDatabaseException(Path, e.Message, e);
        }
    }

    /// <summary>SQLite serialises writers itself: <c>BEGIN IMMEDIATE</c> takes the file's write lock at once.</summary>
    public override DbTransaction BeginWrite(DbConnection connection, long? lockKey = null) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <summary>A deferred transaction: in WAL mode, a snapshot that never blocks the sync's writer.</summary>
    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override IPageWriter CreateWriter(DbConnection connection, ReplicaTable root, IReadOnlySet<string>? childTables, TimeProvider time) =>
        new ReplicaWriter((SqliteConnection)connection, root, childTables, time);

    /// <summary>EF Core's SQLite text form, so that EF reads the bookkeeping back.</summary>
    public override object BookkeepingTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public override object ReplicaTime(DateTime utc) => utc.ToString(ReplicaColumns.DateFormat, CultureInfo.InvariantCulture);

    public override string IdIn(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public override object IdList(IEnumerable<long> ids) => JsonSerializer.Serialize(ids);
}
