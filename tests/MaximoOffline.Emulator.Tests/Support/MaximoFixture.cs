namespace MaximoOffline.Emulator.Tests.Support;

// One emulator per test class (IClassFixture), the shared fixture with the emulator tests' own view
// of it: MaximoHttp, which builds URLs under /maximo and sends the API key unless told otherwise.
public abstract class MaximoFixture : MaximoOffline.Tests.Shared.EmulatorFixture
{
    public MaximoHttp Maximo { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Maximo = new MaximoHttp(Server.BaseUrl, Server.Options.ApiKey);
    }

    public override async Task DisposeAsync()
    {
        Maximo.Dispose();
        await base.DisposeAsync();
    }
}

// Scale 1, seed 42: for tests that only query.
public sealed class ScaleOneFixture : MaximoFixture;

// For tests that change data or inject faults (each class resets or owns it).
public sealed class ControlFixture : MaximoFixture
{
    protected override int Seed => 7;
}
