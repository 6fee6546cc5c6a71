using System.Text.RegularExpressions;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Configuration;

namespace MaximoOffline.Cli.Hosting;

/// <summary>
/// The settings every command reads: the web app's keys (see the main README's settings) from <c>.env</c>, the
/// environment and <c>--Section:Key=value</c> arguments, plus what a command's own options override.
/// </summary>
internal sealed partial class CliConfiguration(IReadOnlyList<string> settingArguments)
{
    public const string DatabasePathKey = "Sync:DatabasePath";

    /// <summary>Separates <c>--Maximo:BaseUrl=…</c>-style settings from the command line proper.</summary>
    public static (string[] Settings, string[] Command) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return ([.. args.Where(a => SettingArgument().IsMatch(a))], [.. args.Where(a => !SettingArgument().IsMatch(a))]);
    }

    /// <summary>Builds the configuration; <paramref name="overrides"/> (a command's options) win over everything.</summary>
    public IConfiguration Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder().AddMaximoOfflineSettings([.. settingArguments]);
        if (overrides is { Count: > 0 })
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    /// <summary>The configuration with <c>--db-path</c>, when given, as <c>Sync:DatabasePath</c>.</summary>
    public IConfiguration Build(string? databasePath) =>
        Build(databasePath is null ? null : new Dictionary<string, string?> { [DatabasePathKey] = databasePath });

    [GeneratedRegex(@"^--?[A-Za-z][A-Za-z0-9]*(:[A-Za-z0-9_]+)+=", RegexOptions.CultureInvariant)]
    private static partial Regex SettingArgument();
}
