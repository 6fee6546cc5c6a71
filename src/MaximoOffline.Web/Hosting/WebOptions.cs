namespace MaximoOffline.Web.Hosting;

/// <summary>The <c>Web</c> settings section.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Serve the Hangfire dashboard beyond localhost (read-only for remote requests).</summary>
    public bool AllowRemoteDashboard { get; set; }

    /// <summary>Background workers running sync jobs (each runs one sync at a time).</summary>
    public int SyncWorkers { get; set; } = 3;

    /// <summary>For the built-in emulator only: expose its control API (data changes, faults) under /emulator.</summary>
    public bool EmulatorControl { get; set; }

    /// <summary>For the built-in emulator only: its data scale (1 = the size of a real site).</summary>
    public int EmulatorScale { get; set; } = 1;
}
