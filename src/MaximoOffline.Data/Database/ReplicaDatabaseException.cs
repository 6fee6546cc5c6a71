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

    public ReplicaDatabaseException(string message, Exception? inner) : base(message, inner) { DatabasePath = "(unknown)"; }

    /// <summary>The PostgreSQL replica cannot be reached or used: says which settings to check.</summary>
    public static ReplicaDatabaseException Postgres(string location, string problem, Exception? inner = null) =>
        new($"Cannot use the replica database {location}: {problem}. Check ConnectionStrings:Replica, that PostgreSQL is running " +
            "and reachable from this machine, and that its user may connect and create tables.", inner!) { DatabasePath = location };

    public string DatabasePath { get; private init; }
}
