using Microsoft.Extensions.Configuration;

namespace MaximoOffline.Sync.Settings;

public static class SettingsConfiguration
{
    // The original scripts' names, still found in users' .env files and shells.
    private static readonly Dictionary<string, string> LegacyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MAXIMO_BASE_URL"] = "Maximo:BaseUrl",
        ["MAXIMO_API_KEY"] = "Maximo:ApiKey",
        ["MAXIMO_USERNAME"] = "Maximo:Username",
        ["MAXIMO_PASSWORD"] = "Maximo:Password",
        ["MAXIMO_SITE"] = "Maximo:DefaultSite",
    };

    /// <summary>
    /// Adds a <c>.env</c> file in <paramref name="workingDirectory"/> and the original scripts' variable
    /// names, below the process environment and the command line (which are added again on top so
    /// that they keep precedence over both).
    /// </summary>
    public static IConfigurationBuilder AddMaximoOfflineSettings(this IConfigurationBuilder builder, string[] args, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var envFile = Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), ".env");
        if (File.Exists(envFile))
        {
            foreach (var (key, value) in ReadEnvFile(envFile))
            {
                values[ToConfigurationKey(key)] = value;
            }
        }

        foreach (var (legacy, key) in LegacyNames)
        {
            if (Environment.GetEnvironmentVariable(legacy) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        return builder.AddInMemoryCollection(values).AddEnvironmentVariables().AddCommandLine(args);
    }

    internal static string ToConfigurationKey(string name) =>
        LegacyNames.TryGetValue(name, out var key) ? key : name.Replace("__", ":", StringComparison.Ordinal);

    internal static IEnumerable<(string Key, string Value)> ReadEnvFile(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (text.StartsWith("export ", StringComparison.Ordinal))
            {
                text = text[7..].TrimStart();
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = text[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
            {
                value = value[1..^1];
            }

            yield return (text[..equals].Trim(), value);
        }
    }
}
