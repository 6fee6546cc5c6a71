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

    /// <summary>
    /// Starting page sizes per endpoint slug (<c>Maximo:PageSize:&lt;slug&gt;</c>), beside the
    /// <c>Maximo:PageSize</c> every other endpoint starts with. Read from configuration by
    /// <see cref="ReadPageSizes"/>: one key cannot be both a number and a section for the binder.
    /// </summary>
    public Dictionary<string, int> PageSizes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The page size an endpoint starts with.</summary>
    public int PageSizeFor(string slug) => PageSizes.TryGetValue(slug, out var size) ? size : PageSize;

    /// <summary>Reads <c>Maximo:PageSize:&lt;slug&gt;</c>; a value that is not a number is kept as 0, which validation names.</summary>
    public void ReadPageSizes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var child in configuration.GetSection($"{Section}:{nameof(PageSize)}").GetChildren())
        {
            PageSizes[child.Key] = int.TryParse(child.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : 0;
        }
    }

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
