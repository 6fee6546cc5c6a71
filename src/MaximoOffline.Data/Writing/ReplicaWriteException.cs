namespace MaximoOffline.Data.Writing;

/// <summary>A page could not be written; nothing of it was committed.</summary>
public sealed class ReplicaWriteException : Exception
{
    public ReplicaWriteException() { }

    public ReplicaWriteException(string message) : base(message) { }

    public ReplicaWriteException(string message, Exception inner) : base(message, inner) { }
}
