using MaximoOffline.Data.Database;
using Microsoft.Extensions.Configuration;

namespace MaximoOffline.Sync.Settings;

/// <summary>How syncs behave and where the replica lives (the <c>Sync</c> settings section).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    public static readonly string[] DefaultWorkOrderStatuses = ["WAPPR", "APPR", "INPRG", "ASSIGN", "WMATL"];

    /// <summary>The replica file; empty means <c>~/.maximo_offline/maximo.db</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>A limit on the replica file's size in megabytes (null: none); a write beyond it fails the run as a full disk would.</summary>
    public int? MaxDatabaseMegabytes { get; set; }

    /// <summary>A full sync's sweep refuses to soft-delete more than this share of an endpoint's rows.</summary>
    public double MaxDeleteFraction { get; set; } = 0.5;

    /// <summary>Cron expressions for recurring syncs, by endpoint slug (or <c>all</c>).</summary>
    public Dictionary<string, string> Schedule { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The work order statuses the <c>wodetail</c> endpoint reads.</summary>
    public string[] WorkOrderStatuses { get; set; } = DefaultWorkOrderStatuses;

    /// <summary>Replacement <c>oslc.where</c> per endpoint slug; <c>{site}</c> stands for the quoted site.</summary>
    public Dictionary<string, string> Where { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A Maximo saved query to apply per endpoint slug (names are case-sensitive).</summary>
    public Dictionary<string, string> SavedQuery { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The replica the settings name (<c>Sync:DatabasePath</c>, <c>Sync:MaxDatabaseMegabytes</c>): the one
    /// resolution of the database path, used by the web app (its jobs and logs live beside it) and the command line.
    /// </summary>
    public static ReplicaDatabase Replica(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return ReplicaDatabase.At(section[nameof(DatabasePath)], section.GetValue<int?>(nameof(MaxDatabaseMegabytes)));
    }

    /// <summary>
    /// Per endpoint slug, how old the last full sync of an endpoint and site may get before an
    /// incremental run reads everything instead (<c>24h</c>, <c>7d</c>, <c>90m</c>, <c>1.12:00:00</c>; <c>0</c>: never).
    /// Maximo's deltas see only the main record: a child that changed alone (a balance after an issue,
    /// a meter reading, a labour transaction) is read again only by a full sync.
    /// </summary>
    public Dictionary<string, string> FullEvery { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replacement <c>oslc.select</c> per endpoint slug, for sites with their own object structures.</summary>
    public Dictionary<string, string> Select { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The full-sync interval of an endpoint (<see cref="FullEvery"/>), or null when turned off.</summary>
    public TimeSpan? FullSyncInterval(string slug)
    {
        if (FullEvery.TryGetValue(slug, out var text))
        {
            return Durations.TryParse(text, out var configured) ? configured is { TotalSeconds: > 0 } ? configured : null : null;
        }

        // Inventory balances, work order transactions and meter readings change many times a day
        // without their parent; people, locations and domains rarely do.
        return slug is "inventory" or "wodetail" or "assets" ? TimeSpan.FromHours(24) : TimeSpan.FromDays(7);
    }

    /// <summary>How far back an incremental changedate sync re-reads, to catch rows changed within the same second.</summary>
    public int OverlapSeconds { get; set; } = 60;
}
