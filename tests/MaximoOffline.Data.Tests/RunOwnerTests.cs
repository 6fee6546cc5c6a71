using System.Diagnostics;
using MaximoOffline.Data.Bookkeeping;

namespace MaximoOffline.Data.Tests;

/// <summary>
/// A run's owner names its process by machine, id and start time; another process must see a live
/// owner as alive (start times read by two processes differ a little) and a gone one as gone.
/// </summary>
public sealed class RunOwnerTests
{
    [Fact]
    public void ALiveProcessIsAliveWhateverTheJitterOfItsStartTimeAndAGoneOrReusedOneIsDead()
    {
        using var child = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var started = child.StartTime.ToUniversalTime().Ticks;
            var owner = RunOwner.Describe(child.Id, started);
            Assert.False(RunOwner.IsDeadOnThisMachine(owner));
            Assert.False(RunOwner.IsDeadOnThisMachine(RunOwner.Describe(child.Id, started + TimeSpan.FromMilliseconds(50).Ticks)));
            Assert.True(RunOwner.IsDeadOnThisMachine(RunOwner.Describe(child.Id, started - TimeSpan.FromHours(1).Ticks)), "an id another process reuses");

            child.Kill();
            child.WaitForExit();
            Assert.True(RunOwner.IsDeadOnThisMachine(owner));
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    [Fact]
    public void AnOwnerOnAnotherMachineOrUnreadableIsNeverTakenForDead()
    {
        Assert.False(RunOwner.IsDeadOnThisMachine($"another-machine/{Environment.ProcessId}/1"));
        Assert.False(RunOwner.IsDeadOnThisMachine("not an owner"));
        Assert.False(RunOwner.IsDeadOnThisMachine(null));
        Assert.False(RunOwner.IsDeadOnThisMachine(RunOwner.Current));
    }
}
