using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MaximoOffline.Data.Database;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<MaximoDbContext>
{
    public MaximoDbContext CreateDbContext(string[] args) =>
        ReplicaDatabase.At(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "maximo-offline-design.db")).CreateContext();
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresMaximoDbContext</c> build PostgreSQL's model (nothing is connected to).</summary>
internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresMaximoDbContext>
{
    public PostgresMaximoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMaximoDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
