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

    /// <summary>How far back an incremental changedate sync re-reads, to catch rows changed within the same second.</summary>
    public int OverlapSeconds { get; set; } = 60;
}
