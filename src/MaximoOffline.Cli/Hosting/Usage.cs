namespace MaximoOffline.Cli.Hosting;

/// <summary>The synopsis of each command (README.md), shown with a usage error.</summary>
internal static class Usage
{
    public const string ToolName = "maximo-offline";

    private static readonly Dictionary<string, string> Synopses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sync"] = "maximo-offline sync <slug|all> [--site KDFAC] [--full] [--force] [--db-path PATH]",
        ["monitor"] = "maximo-offline monitor [--db-path PATH] [--refresh 5]",
        ["status"] = "maximo-offline status [--db-path PATH] [--json]",
        ["doctor"] = "maximo-offline doctor [--site KDFAC] [--json]",
        ["apikey"] = "maximo-offline apikey create --username U [--password-stdin]",
        ["emulator"] = "maximo-offline emulator [--urls http://127.0.0.1:5099] [--scale 1] [--seed 42] [--data-dir DIR] [--api-key KEY] [--enable-control]",
    };

    /// <summary>The synopsis of the command <paramref name="args"/> names, or of every command.</summary>
    public static string For(IReadOnlyList<string> args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-'));
        var lines = command is not null && Synopses.TryGetValue(command, out var one) ? [one] : Synopses.Values.ToArray();
        return "Usage:\n  " + string.Join("\n  ", lines) + "\nRun 'maximo-offline <command> --help' for details.";
    }
}
