namespace MaximoOffline.Data.Database;

/// <summary>The replica database file cannot be created, opened or used; the message names the path and what to do.</summary>
public sealed class ReplicaDatabaseException : Exception
{
    public ReplicaDatabaseException(string path, string problem, Exception? inner = null)
        : base($"Cannot use the replica database at '{path}': {problem}. " +
               "Check that the folder exists and is writable and that the file is a MaximoOffline database, " +
               "or set Sync:DatabasePath (--db-path) to another file.", inner)
    {
        DatabasePath = path;
    }

    public ReplicaDatabaseException() : this("(unknown)", "unknown problem") { }

    public ReplicaDatabaseException(string message) : base(message) { DatabasePath = "(unknown)"; }

    public ReplicaDatabaseException(string message, Exception inner) : base(message, inner) { DatabasePath = "(unknown)"; }

    public string DatabasePath { get; }
}
