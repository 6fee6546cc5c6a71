using System.Data.Common;
using System.Text.Json;
using MaximoOffline.Data.Replica;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Writes pages of one object structure's records to the replica: each page in one transaction,
/// upserted by unique id, children replaced, counted per table. The SQLite and PostgreSQL writers
/// keep the same contract.
/// </summary>
public interface IPageWriter : IDisposable
{
    ReplicaTable Root { get; }

    /// <summary>
    /// Writes one page in one transaction; <paramref name="alsoInTransaction"/> runs inside it after the
    /// rows are written (a run's progress), so that they commit or roll back together. Throws
    /// <see cref="ReplicaWriteException"/> when the page cannot be written; nothing of it is then kept.
    /// </summary>
    PageWriteResult WritePage(IReadOnlyList<JsonElement> records, long? syncRunId = null, Action<DbTransaction, PageWriteResult>? alsoInTransaction = null);

    /// <summary>
    /// Once the pages are written: brings what the database knows of the tables written (the planner's
    /// statistics) up to date where they grew much, so that the run's checks and the workspace's queries
    /// that follow are planned for the tables as they are now.
    /// </summary>
    void Settle()
    {
    }
}
