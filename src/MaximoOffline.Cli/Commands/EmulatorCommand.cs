using System.ComponentModel;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary>
/// <c>emulator</c>: the Maximo emulator as a foreground server (the same flags as
/// <c>dotnet run --project src/MaximoOffline.Emulator</c>), until Ctrl+C.
/// </summary>
internal sealed class EmulatorCommand : AsyncCommand<EmulatorCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen; the API is under {url}/maximo.")]
        [DefaultValue("http://127.0.0.1:5099")]
        public string Urls { get; init; } = "http://127.0.0.1:5099";

        [CommandOption("--scale <N>")]
        [Description("Multiplies assets, locations, work orders, inventory and persons (1 = the sizes of a real site).")]
        [DefaultValue(1)]
        public int Scale { get; init; } = 1;

        [CommandOption("--seed <N>")]
        [Description("Generated data is a pure function of seed and scale.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--data-dir <DIR>")]
        [Description("Serve saved Maximo responses (mxapiasset.json, mxapiasset-2.json, …) from this folder instead of generated data.")]
        public string? DataDirectory { get; init; }

        [CommandOption("--api-key <KEY>")]
        [Description("The API key the emulator accepts (default maximo-offline-demo).")]
        public string? ApiKey { get; init; }

        [CommandOption("--enable-control")]
        [Description("Map the control API under /emulator/ (data changes, injected faults and latency, server variations).")]
        public bool EnableControl { get; init; }

        // Server variations: how real servers differ (the emulator's README, "Server variations").
        [CommandOption("--max-page-size <N>")]
        [Description("mxe.oslc.maxpagesize: a larger oslc.pageSize is refused (default 1000).")]
        public int? MaxPageSize { get; init; }

        [CommandOption("--maxrowstamp <SCOPE>")]
        [Description("set|page: the maxrowstamp header of a delta is the maximum over every match, or over the page served.")]
        public string? MaxRowstamp { get; init; }

        [CommandOption("--ignore-order")]
        [Description("Accept oslc.orderBy and ignore it: pages come in storage order.")]
        public bool IgnoreOrder { get; init; }

        [CommandOption("--unknown-child <POLICY>")]
        [Description("ignore|reject: a child in oslc.select that the object structure lacks is skipped, or refused with 400 BMXAA8744E.")]
        public string? UnknownChild { get; init; }

        [CommandOption("--gateway-timeout <SECONDS>")]
        [Description("A gateway answers 504 (HTML) when a page costs more than this to serve (see --record-cost-ms).")]
        public double? GatewayTimeout { get; init; }

        [CommandOption("--record-cost-ms <MS>")]
        [Description("What serving one record or child row costs: pages are delayed by their cost.")]
        public double? RecordCostMs { get; init; }

        [CommandOption("--mas")]
        [Description("MAS Manage: no password login (login and /oslc redirect to an OIDC page); API keys on /api only.")]
        public bool Mas { get; init; }

        [CommandOption("--rowstamp-format <FORMAT>")]
        [Description("number|bytes: _rowstamp as a decimal string or as a byte-array text (\"[0 0 0 0 0 26 -12 20]\").")]
        public string? RowstampFormat { get; init; }

        [CommandOption("--without-child <OS/CHILD>")]
        [Description("A child this server's object structure lacks, e.g. MXAPIASSET/failurereport (repeat for more).")]
        public string[] WithoutChildren { get; init; } = [];

        [CommandOption("--stable-paging-timeout <SECONDS>")]
        [Description("How long an idle stablepaging=1 set is kept (default 300).")]
        public double? StablePagingTimeout { get; init; }

        public override ValidationResult Validate()
        {
            if (Scale < 1)
            {
                return ValidationResult.Error("--scale must be at least 1.");
            }

            if (MaxPageSize is < 1)
            {
                return ValidationResult.Error("--max-page-size must be at least 1.");
            }

            if (!IsOneOf<MaxRowstampScope>(MaxRowstamp) || !IsOneOf<UnknownChildPolicy>(UnknownChild) || !IsOneOf<RowstampFormat>(RowstampFormat))
            {
                return ValidationResult.Error("--maxrowstamp takes set or page, --unknown-child ignore or reject, --rowstamp-format number or bytes.");
            }

            if (GatewayTimeout is < 0 || RecordCostMs is < 0 || StablePagingTimeout is <= 0)
            {
                return ValidationResult.Error("--gateway-timeout and --record-cost-ms must not be negative, --stable-paging-timeout must be positive.");
            }

            return DataDirectory is null || Directory.Exists(DataDirectory)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--data-dir: there is no folder {DataDirectory}.");
        }

        private static bool IsOneOf<T>(string? value) where T : struct, Enum =>
            value is null || Enum.GetNames<T>().Contains(value, StringComparer.OrdinalIgnoreCase);

        private static T? Parse<T>(string? value) where T : struct, Enum =>
            value is null ? null : Enum.Parse<T>(value, ignoreCase: true);

        public void ApplyVariations(EmulatorOptions options)
        {
            options.MaxPageSize = MaxPageSize ?? options.MaxPageSize;
            options.MaxRowstamp = Parse<MaxRowstampScope>(MaxRowstamp) ?? options.MaxRowstamp;
            options.IgnoreOrder = IgnoreOrder;
            options.UnknownChild = Parse<UnknownChildPolicy>(UnknownChild) ?? options.UnknownChild;
            options.GatewayTimeout = GatewayTimeout is > 0 ? TimeSpan.FromSeconds(GatewayTimeout.Value) : null;
            options.RecordCost = TimeSpan.FromMilliseconds(RecordCostMs ?? 0);
            options.Mas = Mas;
            options.RowstampFormat = Parse<RowstampFormat>(RowstampFormat) ?? options.RowstampFormat;
            options.WithoutChildren = WithoutChildren;
            options.StablePagingIdleTimeout = StablePagingTimeout is { } idle ? TimeSpan.FromSeconds(idle) : options.StablePagingIdleTimeout;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMaximoEmulator(o =>
        {
            o.Scale = settings.Scale;
            o.Seed = settings.Seed;
            o.DataDirectory = settings.DataDirectory;
            o.ApiKey = settings.ApiKey ?? o.ApiKey;
            o.ControlApiEnabled = settings.EnableControl;
            settings.ApplyVariations(o);
        });

        await using var app = builder.Build();
        app.MapMaximoEmulator();
        await app.StartAsync(cancellationToken);

        var apiKey = settings.ApiKey ?? new EmulatorOptions().ApiKey;
        var data = settings.DataDirectory is null ? $"generated data, scale {settings.Scale}, seed {settings.Seed}" : $"saved responses from {settings.DataDirectory}";
        foreach (var url in app.Urls)
        {
            var baseUrl = $"{url.TrimEnd('/')}/maximo";
            Terminal.Out.MarkupLine($"Maximo emulator listening on [bold]{Markup.Escape(baseUrl)}[/] ({Markup.Escape(data)}).");
            Terminal.Out.WriteLine("Point maximo-offline or the web app at it:");
            Terminal.Out.WriteLine($"  export Maximo__BaseUrl={baseUrl} Maximo__ApiKey={apiKey}");
        }

        Terminal.Out.WriteLine((settings.Mas ? "MAS: API keys only. " : "Login maxadmin / maxadmin. ") +
                               (settings.EnableControl ? "Control API under /emulator/." : "Control API off (--enable-control)."));
        Terminal.Out.MarkupLine("[grey]Ctrl+C to stop.[/]");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
