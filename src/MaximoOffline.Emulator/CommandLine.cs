using System.Globalization;

namespace MaximoOffline.Emulator;

// The runnable host's flags: --urls --scale --seed --data-dir --api-key --max-page-size --enable-control,
// and the server variations (README, "Server variations").
internal sealed record CommandLine(string Urls, EmulatorOptions Options)
{
    public const string Usage =
        "usage: MaximoOffline.Emulator [--urls http://127.0.0.1:5099] [--scale 1] [--seed 42] [--data-dir DIR]\n" +
        "                              [--api-key KEY] [--max-page-size 1000] [--enable-control]\n" +
        "                              [--maxrowstamp set|page] [--ignore-order] [--unknown-child ignore|reject]\n" +
        "                              [--gateway-timeout SECONDS] [--record-cost-ms MS] [--mas] [--rowstamp-format number|bytes]\n" +
        "                              [--stable-paging-timeout SECONDS] [--without-child MXAPIASSET/failurereport]";

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
            double Decimal() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0
                ? d
                : throw new FormatException($"{name} needs a number of zero or more.");
            bool Switch() => inline is null || bool.Parse(inline);
            T Choice<T>() where T : struct, Enum
            {
                var text = Value();
                return Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && text is [var first, ..] && !char.IsDigit(first)
                    ? parsed
                    : throw new FormatException($"{name} needs one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
            }
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
                case "--enable-control": options.ControlApiEnabled = Switch(); break;
                case "--maxrowstamp": options.MaxRowstamp = Choice<MaxRowstampScope>(); break;
                case "--ignore-order": options.IgnoreOrder = Switch(); break;
                case "--unknown-child": options.UnknownChild = Choice<UnknownChildPolicy>(); break;
                case "--gateway-timeout": options.GatewayTimeout = Decimal() is > 0 and var timeout ? TimeSpan.FromSeconds(timeout) : null; break;
                case "--record-cost-ms": options.RecordCost = TimeSpan.FromMilliseconds(Decimal()); break;
                case "--mas": options.Mas = Switch(); break;
                case "--rowstamp-format": options.RowstampFormat = Choice<RowstampFormat>(); break;
                case "--without-child": options.WithoutChildren = [.. options.WithoutChildren, Value()]; break;
                case "--stable-paging-timeout": options.StablePagingIdleTimeout = Decimal() is > 0 and var idle ? TimeSpan.FromSeconds(idle) : throw new FormatException($"{name} needs a positive number of seconds."); break;
                default: throw new FormatException($"Unknown option {name}.");
            }
        }
        return new CommandLine(urls, options);
    }
}
