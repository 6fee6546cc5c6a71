using MaximoOffline.Emulator;

namespace MaximoOffline.Emulator.Tests.Support;

// One emulator per test class (IClassFixture). Subclasses choose the options.
public abstract class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;
    public MaximoHttp Http { get; private set; } = null!;

    protected abstract EmulatorOptions Options();

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(Options());
        Http = new MaximoHttp(Server.BaseUrl, Server.Options.ApiKey);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

// Scale 1, seed 42, read-only: for tests that only query.
public sealed class ScaleOneFixture : EmulatorFixture
{
    protected override EmulatorOptions Options() => new() { Scale = 1, Seed = 42 };
}

// With the control API, for tests that change data or inject faults (each class resets or owns it).
public sealed class ControlFixture : EmulatorFixture
{
    protected override EmulatorOptions Options() => new() { Scale = 1, Seed = 7, ControlApiEnabled = true };
}
