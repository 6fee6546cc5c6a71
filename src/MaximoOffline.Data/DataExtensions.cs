using MaximoOffline.Data.Database;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Data;

public static class DataExtensions
{
    /// <summary>Registers the replica database at <paramref name="databasePath"/> (null: the default path).</summary>
    public static IServiceCollection AddMaximoData(this IServiceCollection services, string? databasePath, int? maxMegabytes = null)
    {
        var database = ReplicaDatabase.At(databasePath, maxMegabytes);
        services.AddSingleton(database);
        services.AddDbContextFactory<MaximoDbContext>(database.Configure);
        return services;
    }
}
