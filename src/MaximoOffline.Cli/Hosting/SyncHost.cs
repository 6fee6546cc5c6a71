using MaximoOffline.Data.Database;
using MaximoOffline.Sync;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Cli.Hosting;

/// <summary>
/// The sync engine wired as the web app wires it (<see cref="SyncExtensions.AddMaximoSync"/>), with
/// the settings checked up front so that a bad one stops the command before anything else happens.
/// </summary>
internal sealed class SyncHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SyncHost(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The replica file the command line syncs into and reads back.</summary>
    public ReplicaDatabase Database => Get<ReplicaStore>() as ReplicaDatabase ?? throw new SettingsException(
        "The replica is on PostgreSQL (Replica:Provider=Postgres): on a team server, start syncs and follow them through a node " +
        "(its /sync page, or POST /api/sync/{slug} with an API token). The command line's users, tokens and doctor work with it.");

    /// <summary>Builds the engine; fails with <see cref="SettingsException"/> naming the key when a setting is wrong or Maximo is not configured.</summary>
    public static SyncHost Create(IConfiguration configuration, ISyncObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (MaximoOptions.UsesBuiltInEmulatorIn(configuration))
        {
            // The web app falls back to its built-in emulator; the command line has none.
            throw new SettingsException(
                "No Maximo is configured: set Maximo:BaseUrl and Maximo:ApiKey (environment variables Maximo__BaseUrl and Maximo__ApiKey, " +
                "or a .env file in this folder). To try it without a Maximo, run 'maximo-offline emulator' and point Maximo:BaseUrl at the URL it prints.");
        }

        var services = new ServiceCollection();
        services.AddLogging(); // no providers: what a run has to say is in its log, shown by the display
        services.AddMaximoSync(configuration);
        if (observer is not null)
        {
            services.AddSingleton(observer);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            _ = provider.GetRequiredService<IOptions<MaximoOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<SyncOptions>>().Value;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            // Validation names the key; so does binding ("Failed to convert configuration value at 'Maximo:PageSize'").
            provider.Dispose();
            throw new SettingsException(e.Message, e);
        }

        return new SyncHost(provider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
