using System.Diagnostics;

namespace MaximoOffline.Cli.Tests;

/// <summary>
/// A program running in a pseudo-terminal: a tmux server of its own (its own socket), one pane in the folder,
/// keys sent and the screen read back as text.
/// </summary>
public sealed partial class Tmux(string folder) : IDisposable
{
    // The server's socket lives in the test's folder, and goes with it.
    private readonly string _socket = Path.Combine(folder, $"tmux-{Guid.NewGuid():N}.sock");

    private const string Session = "cli";

    /// <summary>
    /// Starts <paramref name="command"/> in a 160×50 pane that stays after the program exits. bash runs
    /// it and then prints "exited with N": tmux itself does not always learn a pane's exit status.
    /// </summary>
    public void Start(IReadOnlyDictionary<string, string> environment, IEnumerable<string> command)
    {
        List<string> args = ["new-session", "-d", "-s", Session, "-x", "160", "-y", "50", "-c", folder];
        foreach (var (name, value) in environment)
        {
            args.AddRange(["-e", $"{name}={value}"]);
        }

        args.AddRange(["bash", "-c", "\"$0\" \"$@\"; echo \"exited with $?\""]);
        args.AddRange(command);
        args.AddRange([";", "set-option", "-t", Session, "remain-on-exit", "on"]);
        Run(args);
    }

    public string Screen() => Run(["capture-pane", "-p", "-t", Session]);

    /// <summary>The exit code the pane's program reported, once it has ended.</summary>
    public int? ExitCode() => ExitedWith().Match(Screen()) is { Success: true } match
        ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    public void SendKeys(string keys) => Run(["send-keys", "-t", Session, keys]);

    public void Dispose()
    {
        try
        {
            Run(["kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public static bool IsInstalled()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, UseShellExecute = false })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^exited with (\d+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ExitedWith();

    private string Run(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-S");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error}");
    }
}
