using MaximoOffline.Cli.Hosting;
using MaximoOffline.Data;
using MaximoOffline.Data.Accounts;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MaximoOffline.Cli.Commands;

/// <summary>
/// The accounts of the configured replica (the one the web app signs people in against), with its
/// schema brought up to date first, as the web app would.
/// </summary>
internal sealed class AccountsHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private AccountsHost(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
    }

    public static async Task<AccountsHost> OpenAsync(CliConfiguration configuration, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        // The replica the settings name: a file, or a team server's PostgreSQL (Replica:Provider, ConnectionStrings:Replica).
        var database = ReplicaSettings.Store(configuration.Build(settings.DatabasePath));
        await database.MigrateAsync(cancellationToken);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddMaximoData(database);
        services.AddAccounts();
        return new AccountsHost(services.BuildServiceProvider());
    }

    public AccountAdmin Accounts => _scope.ServiceProvider.GetRequiredService<AccountAdmin>();

    public ApiTokens Tokens => _scope.ServiceProvider.GetRequiredService<ApiTokens>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
