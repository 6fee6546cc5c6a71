using MaximoOffline.Emulator;

// The emulator as a program: dotnet run --project src/MaximoOffline.Emulator -- --urls http://127.0.0.1:5099 --scale 1 --seed 42
CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls(commandLine.Urls);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMaximoEmulator(o => EmulatorServer.CopyTo(commandLine.Options, o));

var app = builder.Build();
app.MapMaximoEmulator();
try
{
    _ = app.Services.GetRequiredService<EmulatorState>().Data;
}
catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine($"Cannot load the emulator's data: {e.Message}");
    return 2;
}
await app.StartAsync();

var options = commandLine.Options;
var data = options.DataDirectory is null ? $"generated data, scale {options.Scale}, seed {options.Seed}" : $"saved responses from {options.DataDirectory}";
foreach (var address in app.Urls)
{
    Console.WriteLine($"Maximo emulator listening on {address.TrimEnd('/')}/maximo ({data})");
}
Console.WriteLine(options.ControlApiEnabled ? "Control API enabled under /emulator/" : "Control API disabled (--enable-control to enable)");
if (Variations.From(options) != Variations.From(new EmulatorOptions { MaxPageSize = options.MaxPageSize }))
{
    Console.WriteLine($"Server variations: {Variations.From(options)}");
}
await app.WaitForShutdownAsync();
return 0;

// The web app references this project; its own Program is the public one.
internal sealed partial class Program;
