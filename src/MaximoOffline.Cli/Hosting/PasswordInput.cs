using Spectre.Console;

namespace MaximoOffline.Cli.Hosting;

/// <summary>
/// A password from standard input (<c>--password-stdin</c>, for scripts) or typed in a terminal without
/// echo. It is never printed, and never taken from the command line, where it would stay in the
/// shell's history and the process list.
/// </summary>
internal static class PasswordInput
{
    /// <returns>The password; null when neither source is available (input redirected without <c>--password-stdin</c>).</returns>
    public static async Task<string?> ReadAsync(bool fromStdin, string prompt, CancellationToken cancellationToken)
    {
        if (fromStdin)
        {
            var text = await Console.In.ReadToEndAsync(cancellationToken);
            var password = text.TrimEnd('\r', '\n');
            return password.Length > 0 ? password : throw new SettingsException("--password-stdin: standard input was empty.");
        }

        if (!Console.IsInputRedirected)
        {
            // Asked on standard error, with no echo at all (not even a mask).
            return await new TextPrompt<string>(Markup.Escape(prompt)).Secret(null).ShowAsync(Terminal.Error, cancellationToken);
        }

        return null;
    }
}
