namespace MaximoOffline.Cli.Hosting;

/// <summary>A setting is missing or wrong; the message names the key and what to do (exit code 2).</summary>
internal sealed class SettingsException : Exception
{
    public SettingsException() { }

    public SettingsException(string message) : base(message) { }

    public SettingsException(string message, Exception inner) : base(message, inner) { }
}
