using System.Globalization;

namespace MaximoOffline.Emulator;

// The runnable host's flags: --urls --scale --seed --data-dir --api-key --max-page-size --enable-control.
internal sealed record CommandLine(string Urls, EmulatorOptions Options)
{
    public const string Usage =
        "usage: MaximoOffline.Emulator [--urls http://127.0.0.1:5099] [--scale 1] [--seed 42] [--data-dir DIR]\n" +
        "                              [--api-key KEY] [--max-page-size 1000] [--enable-control]";

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var urls = "http://127.0.0.1:5099";
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value."));
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw new FormatException($"{name} needs a positive whole number.");
            switch (name)
            {
                case "--urls": urls = Value(); break;
                case "--scale": options.Scale = Number(); break;
                case "--seed": options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--data-dir":
                    options.DataDirectory = Value();
                    if (!Directory.Exists(options.DataDirectory))
                    {
                        throw new FormatException($"--data-dir {options.DataDirectory}: no such folder.");
                    }
                    break;
                case "--api-key": options.ApiKey = Value(); break;
                case "--max-page-size": options.MaxPageSize = Number(); break;
                case "--enable-control": options.ControlApiEnabled = inline is null || bool.Parse(inline); break;
                default: throw new FormatException($"Unknown option {name}.");
            }
        }
        return new CommandLine(urls, options);
    }
}
