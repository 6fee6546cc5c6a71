namespace MaximoOffline.Sync.Tests;

/// <summary>A larger emulator for tests that need many pages and time to act during a sync.</summary>
public sealed class LargeEmulatorFixture : EmulatorFixture
{
    protected override int Scale => 10;
}
