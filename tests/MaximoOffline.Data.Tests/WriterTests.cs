using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Writing;
using Microsoft.Data.Sqlite;

namespace MaximoOffline.Data.Tests;

/// <summary>A fresh replica per test, and pages written to it the way a sync writes them.</summary>
public abstract class WriterTests : IAsyncLifetime
{
    protected TempReplica Replica { get; } = new();

    public Task InitializeAsync() => Replica.InitializeAsync();

    public Task DisposeAsync() => Replica.DisposeAsync();

    protected PageWriteResult Write(ReplicaTable root, string pageJson, Action<System.Data.Common.DbTransaction, PageWriteResult>? alsoInTransaction = null)
    {
        using var connection = Replica.Open();
        using var writer = new ReplicaWriter(connection, root);
        return writer.WritePage(TempReplica.Page(pageJson), syncRunId: 7, alsoInTransaction);
    }

    protected static (long, long, long) Counts(PageWriteResult result, string table)
    {
        var counts = result.For(table);
        return (counts.Inserted, counts.Updated, counts.Deleted);
    }

    protected List<long> Ids(string sql) => Replica.Ids(sql);
}
