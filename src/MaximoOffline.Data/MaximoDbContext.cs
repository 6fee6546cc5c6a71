using MaximoOffline.Data.Accounts;
using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MaximoOffline.Data;

/// <summary>
/// The local replica: one table per Maximo object, built from <see cref="ReplicaCatalog"/>, plus the
/// sync bookkeeping. Replica rows are written by <c>ReplicaWriter</c>, not through change tracking;
/// EF Core owns the schema (migrations) and the bookkeeping, and the accounts that may sign in
/// (ASP.NET Core Identity's user tables, named <c>account…</c>) with their API tokens. The same model
/// serves SQLite (this type, the default) and PostgreSQL (<see cref="PostgresMaximoDbContext"/>, with
/// its own migrations set).
/// </summary>
public class MaximoDbContext : IdentityUserContext<Account>
{
    public MaximoDbContext(DbContextOptions<MaximoDbContext> options) : base(options)
    {
    }

    protected MaximoDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    public DbSet<SyncRunTable> SyncRunTables => Set<SyncRunTable>();

    public DbSet<SyncLog> SyncLogs => Set<SyncLog>();

    public DbSet<SyncState> SyncStates => Set<SyncState>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureAccounts(builder);
        foreach (var table in ReplicaCatalog.All)
        {
            builder.SharedTypeEntity<Dictionary<string, object>>(table.Name, b => ConfigureReplicaTable(b, table, Database.IsNpgsql()));
        }

        ConfigureBookkeeping(builder);
    }

    private static void ConfigureReplicaTable(EntityTypeBuilder<Dictionary<string, object>> b, ReplicaTable table, bool postgres)
    {
        b.ToTable(table.Name);

        foreach (var column in table.Columns)
        {
            var property = b.IndexerProperty(ClrType(column.Kind, isKey: column.Name == table.KeyColumn), column.Name);
            property.HasColumnName(column.Name);
            if (postgres && column.Kind == ColumnKind.Text)
            {
                // Text compares by its bytes, as SQLite's does: a list has the same order and keyset positions on both engines.
                property.UseCollation("C");
            }
        }

        b.HasKey(table.KeyColumn);
        b.Property(table.KeyColumn).ValueGeneratedNever();

        foreach (var owner in table.Owners)
        {
            var ownerColumn = table.OwnerColumn(owner);
            b.IndexerProperty<long?>(ownerColumn);
            b.HasOne(owner.Name).WithMany().HasForeignKey(ownerColumn).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(ownerColumn);
        }

        b.IndexerProperty<long?>(ReplicaColumns.Rowstamp);
        var raw = b.IndexerProperty<string>(ReplicaColumns.Raw).IsRequired();
        if (postgres)
        {
            raw.HasColumnType("jsonb"); // queryable by reporting tools with PostgreSQL's JSON operators
        }

        b.IndexerProperty<DateTime>(ReplicaColumns.SyncedAt);
        b.IndexerProperty<long?>(ReplicaColumns.SyncRunId);
        b.IndexerProperty<DateTime?>(ReplicaColumns.DeletedAt);

        if (table.NaturalKey.Count > 0)
        {
            // Unique among live rows only: a record deleted in Maximo and re-created under the same
            // natural key gets a new unique id, and the old row stays behind, soft-deleted.
            b.HasIndex([.. table.NaturalKey])
                .IsUnique()
                .HasFilter($"\"{ReplicaColumns.DeletedAt}\" IS NULL")
                .HasDatabaseName($"ux_{table.Name}_natural_key");
        }

        if (table.Columns.Any(c => c.Name == "changedate"))
        {
            b.HasIndex("changedate");
        }

        // What the offline workspace's lists, counts and related lists read through (its full-text
        // index is raw SQL, outside the model: Workspace/SearchIndex, Workspace/PostgresSearchIndex).
        foreach (var index in WorkspaceIndexes.For(table))
        {
            string[] columns = postgres && index.Ordered ? [.. index.Columns, table.KeyColumn] : [.. index.Columns];
            b.HasIndex(columns, index.Name).HasFilter(index.Filter).HasDatabaseName(index.Name);
        }
    }

    private static Type ClrType(ColumnKind kind, bool isKey) => kind switch
    {
        ColumnKind.Integer => isKey ? typeof(long) : typeof(long?),
        ColumnKind.Real => typeof(double?),
        ColumnKind.Text => typeof(string),
        ColumnKind.Flag => typeof(bool?),
        ColumnKind.Date => typeof(DateTime?),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void ConfigureBookkeeping(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SyncRun>(b =>
        {
            b.ToTable("sync_run");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).HasColumnName("id");
            b.Property(r => r.Endpoint).HasColumnName("endpoint").HasMaxLength(32);
            b.Property(r => r.Site).HasColumnName("site").HasMaxLength(8);
            b.Property(r => r.Mode).HasColumnName("mode").HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Trigger).HasColumnName("trigger").HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Status).HasColumnName("status").HasConversion(s => RunStatusText.Of(s), t => RunStatusText.Parse(t)).HasMaxLength(16);
            b.Property(r => r.Force).HasColumnName("force");
            b.Property(r => r.RequestedBy).HasColumnName("requested_by").HasMaxLength(256);
            b.Property(r => r.CancelledBy).HasColumnName("cancelled_by").HasMaxLength(256);
            b.Property(r => r.CancelRequested).HasColumnName("cancel_requested");
            b.Property(r => r.ParentRunId).HasColumnName("parent_run_id");
            b.Property(r => r.JobId).HasColumnName("job_id");
            b.Property(r => r.QueuedAt).HasColumnName("queued_at");
            b.Property(r => r.StartedAt).HasColumnName("started_at");
            b.Property(r => r.FinishedAt).HasColumnName("finished_at");
            b.Property(r => r.Owner).HasColumnName("owner");
            b.Property(r => r.HeartbeatAt).HasColumnName("heartbeat_at");
            b.Property(r => r.TotalRecords).HasColumnName("total_records");
            b.Property(r => r.Pages).HasColumnName("pages");
            b.Property(r => r.RecordsFetched).HasColumnName("records_fetched");
            b.Property(r => r.RecordsInserted).HasColumnName("records_inserted");
            b.Property(r => r.RecordsUpdated).HasColumnName("records_updated");
            b.Property(r => r.RecordsDeleted).HasColumnName("records_deleted");
            b.Property(r => r.Error).HasColumnName("error");
            b.Property(r => r.SchemaReport).HasColumnName("schema_report");
            b.Property(r => r.ReferenceReport).HasColumnName("reference_report");
            b.HasMany(r => r.Tables).WithOne().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.Endpoint, r.Status });
            b.HasIndex(r => r.ParentRunId);
        });

        modelBuilder.Entity<SyncRunTable>(b =>
        {
            b.ToTable("sync_run_table");
            b.HasKey(t => new { t.RunId, t.TableName });
            b.Property(t => t.RunId).HasColumnName("run_id");
            b.Property(t => t.TableName).HasColumnName("table_name").HasMaxLength(64);
            b.Property(t => t.Inserted).HasColumnName("inserted");
            b.Property(t => t.Updated).HasColumnName("updated");
            b.Property(t => t.Deleted).HasColumnName("deleted");
        });

        modelBuilder.Entity<SyncLog>(b =>
        {
            b.ToTable("sync_log");
            b.HasKey(l => new { l.RunId, l.Seq });
            b.Property(l => l.RunId).HasColumnName("run_id");
            b.Property(l => l.Seq).HasColumnName("seq");
            b.Property(l => l.Time).HasColumnName("time");
            b.Property(l => l.Level).HasColumnName("level").HasConversion<string>().HasMaxLength(16);
            b.Property(l => l.Message).HasColumnName("message");
            b.HasOne<SyncRun>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SyncState>(b =>
        {
            b.ToTable("sync_state");
            b.HasKey(s => new { s.Endpoint, s.Site });
            b.Property(s => s.Endpoint).HasColumnName("endpoint").HasMaxLength(32);
            b.Property(s => s.Site).HasColumnName("site").HasMaxLength(8);
            b.Property(s => s.Cursor).HasColumnName("cursor");
            b.Property(s => s.LastFullSyncAt).HasColumnName("last_full_sync_at");
            b.Property(s => s.LastSuccessAt).HasColumnName("last_success_at");
            b.Property(s => s.LastRunId).HasColumnName("last_run_id");
        });
    }

    private static void ConfigureAccounts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(b =>
        {
            b.ToTable("account");
            b.Property(a => a.Role).HasColumnName("role").HasMaxLength(16);
            b.Property(a => a.CreatedAt).HasColumnName("created_at");
        });
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("account_claim");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("account_login");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("account_token");

        modelBuilder.Entity<ApiToken>(b =>
        {
            b.ToTable("api_token");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).HasColumnName("id");
            b.Property(t => t.AccountId).HasColumnName("account_id");
            b.Property(t => t.Name).HasColumnName("name").HasMaxLength(100);
            b.Property(t => t.Hash).HasColumnName("hash").HasMaxLength(64);
            b.Property(t => t.Prefix).HasColumnName("prefix").HasMaxLength(16);
            b.Property(t => t.CreatedAt).HasColumnName("created_at");
            b.Property(t => t.ExpiresAt).HasColumnName("expires_at");
            b.Property(t => t.RevokedAt).HasColumnName("revoked_at");
            b.Property(t => t.LastUsedAt).HasColumnName("last_used_at");
            b.HasIndex(t => t.Hash).IsUnique();
            b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>The replica on PostgreSQL (<c>Replica:Provider=Postgres</c>): the same model, its own migrations (Migrations/Postgres).</summary>
public sealed class PostgresMaximoDbContext(DbContextOptions<PostgresMaximoDbContext> options) : MaximoDbContext(options);
