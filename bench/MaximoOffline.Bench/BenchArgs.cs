using System.Globalization;

namespace MaximoOffline.Bench;

/// <summary>Reads <c>--name value</c> options with defaults.</summary>
internal sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback) => String(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The value after <c>--name</c>, or null when the option is not given.</summary>
    public string? String(string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
