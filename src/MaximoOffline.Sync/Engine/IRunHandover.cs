namespace MaximoOffline.Sync.Engine;

/// <summary>
/// On a team server, says whether this node is stopping. A run that its node's shutdown stops then ends
/// Interrupted with <see cref="Data.Bookkeeping.RunLease.HandedOverMessage"/>, and another node runs it
/// again, instead of ending Cancelled. Not registered on a single node, where a shutdown cancels the
/// run (the next sync picks up from the last page written) because no other node could take it.
/// </summary>
public interface IRunHandover
{
    bool NodeStopping { get; }
}
