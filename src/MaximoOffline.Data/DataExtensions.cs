using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Data.Replica;
using MaximoOffline.Data.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MaximoOffline.Data;

public static class DataExtensions
{
    /// <summary>Registers the replica database, the bookkeeping gateway and the offline workspace's read gateway over it.</summary>
    public static IServiceCollection AddMaximoData(this IServiceCollection services, ReplicaStore database)
    {
        services.AddSingleton(database);
        if (database is ReplicaDatabase file)
        {
            services.AddSingleton(file);
        }

        services.AddDbContextFactory<MaximoDbContext>(database.Configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunLease>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<RunLog>();
        services.AddSingleton<RunCounters>();
        services.AddSingleton<SyncCursors>();
        services.AddSingleton<RunHistory>();
        services.AddSingleton<ReplicaCounts>();
        services.AddSingleton<WorkspaceSearch>();
        services.AddSingleton<WorkspaceLists>();
        services.AddSingleton<WorkspaceRecords>();
        return services;
    }
}
