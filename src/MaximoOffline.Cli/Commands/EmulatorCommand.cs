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
        [Description("Map the control API under /emulator/ (data changes, injected faults and latency).")]
        public bool EnableControl { get; init; }

        public override ValidationResult Validate()
        {
            if (Scale < 1)
            {
                return ValidationResult.Error("--scale must be at least 1.");
            }

            return DataDirectory is null || Directory.Exists(DataDirectory)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--data-dir: there is no folder {DataDirectory}.");
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

        Terminal.Out.WriteLine("Login maxadmin / maxadmin. " + (settings.EnableControl ? "Control API under /emulator/." : "Control API off (--enable-control)."));
        Terminal.Out.MarkupLine("[grey]Ctrl+C to stop.[/]");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
