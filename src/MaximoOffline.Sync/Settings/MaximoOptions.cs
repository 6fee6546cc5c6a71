using Microsoft.Extensions.Configuration;

namespace MaximoOffline.Sync.Settings;

/// <summary>
/// How to reach Maximo (the <c>Maximo</c> settings section). A class, not a record: it holds secrets,
/// and a record's generated ToString would print them.
/// </summary>
public sealed class MaximoOptions
{
    public const string Section = "Maximo";

    /// <summary>e.g. <c>https://mas.example.com/maximo</c>; empty means the built-in emulator.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>api</c> or <c>oslc</c>.</summary>
    public string ApiRoot { get; set; } = "api";

    public MaximoAuthMode AuthMode { get; set; } = MaximoAuthMode.ApiKey;

    /// <summary>Secret: never logged, never sent to a browser, sent to Maximo only as a header.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    /// <summary>Secret, for MaxAuth/Basic and for creating an API key.</summary>
    public string? Password { get; set; }

    /// <summary>The site used when a request names none.</summary>
    public string? DefaultSite { get; set; }

    public int PageSize { get; set; } = 500;

    public int MaxConcurrentRequests { get; set; } = 4;

    public DateFilterFormat DateFilterFormat { get; set; } = DateFilterFormat.Offset;

    public int TimeoutSeconds { get; set; } = 100;

    /// <summary>Retries of a failed request (5xx, 408, 429, timeouts, connection failures) before the run fails.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The largest page body accepted, in megabytes: a guard against a runaway response.</summary>
    public int MaxPageMegabytes { get; set; } = 64;

    /// <summary>
    /// True when no Maximo is configured: the web app then hosts its built-in emulator and syncs from
    /// it; the command line, which has none, refuses to sync. The one answer to "built-in emulator?".
    /// </summary>
    public bool UsesBuiltInEmulator => string.IsNullOrWhiteSpace(BaseUrl);

    /// <summary><see cref="UsesBuiltInEmulator"/> for hosts deciding, before services exist, what to register.</summary>
    public static bool UsesBuiltInEmulatorIn(IConfiguration configuration) =>
        new MaximoOptions { BaseUrl = configuration?[$"{Section}:{nameof(BaseUrl)}"] }.UsesBuiltInEmulator;
}

public enum MaximoAuthMode
{
    ApiKey,
    MaxAuth,
    Basic,
}

public enum DateFilterFormat
{
    /// <summary>ISO-8601 with offset, as Maximo sends dates.</summary>
    Offset,

    /// <summary>The server's local wall-clock time without an offset, for servers that reject offsets.</summary>
    Local,
}
