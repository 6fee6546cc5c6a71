using Spectre.Console;

namespace MaximoOffline.Cli.Hosting;

/// <summary>
/// Where output goes: results on standard output, errors and prompts on standard error, so that
/// <c>status --json</c> or a captured API key stay clean when piped.
/// </summary>
internal static class Terminal
{
    // Piped output has no width; 80 columns would wrap log lines and messages mid-word.
    private const int PipedWidth = 200;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>True when standard output is a terminal: live displays instead of plain lines.</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && Out.Profile.Capabilities.Interactive;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }

    /// <summary>An error on standard error: red on a terminal, one unwrapped line when piped (for logs and greps).</summary>
    public static void Fail(string message)
    {
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            Error.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        }
    }
}
