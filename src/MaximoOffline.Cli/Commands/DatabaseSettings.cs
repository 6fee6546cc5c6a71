using System.ComponentModel;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Cli.Replica;
using MaximoOffline.Sync.Settings;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary>The option every command that works on the replica has.</summary>
internal abstract class DatabaseSettings : CommandSettings
{
    [CommandOption("--db-path <PATH>")]
    [Description("The replica file (overrides Sync:DatabasePath; default ~/.maximo_offline/maximo.db).")]
    public string? DatabasePath { get; init; }

    /// <summary>A read-only view of the configured replica; touches nothing on disk.</summary>
    public ReplicaReader Reader(CliConfiguration configuration) =>
        new(SyncOptions.Replica(configuration.Build(DatabasePath)).Path);
}
