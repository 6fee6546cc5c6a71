using System.Globalization;

namespace MaximoOffline.Bench;

/// <summary>Reads <c>--name value</c> options with defaults.</summary>
internal sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
