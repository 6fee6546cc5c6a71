using MaximoOffline.Sync.Settings;
using Spectre.Console;

namespace MaximoOffline.Cli.Commands;

/// <summary>The <c>--site</c> option's check, shared by the commands that take it.</summary>
internal static class SiteOption
{
    /// <summary>No site (the default one is used) or a well-formed site id; otherwise what is wrong with it.</summary>
    public static ValidationResult Validate(string? site) =>
        site is null || SiteId.TryParse(site, out _, out var error) ? ValidationResult.Success() : ValidationResult.Error($"--site: {error}");
}
