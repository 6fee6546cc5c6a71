using MaximoOffline.Cli.Commands;
using MaximoOffline.Cli.Hosting;
using Spectre.Console.Cli;

// maximo-offline (see README.md): sync, monitor, status, doctor, apikey create, users, tokens, emulator.
// Settings come from the same places as the web app's: a .env file in the working directory, the
// environment (Maximo__BaseUrl, …) and --Maximo:BaseUrl=… arguments. Those arguments are taken out
// before the command line is parsed, so every command accepts them.
var (settingArguments, commandArguments) = CliConfiguration.Split(args);

// Ctrl+C cancels the running command instead of killing the process: a sync ends its run as
// Cancelled (committed pages kept) and the monitor leaves the terminal as it found it.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested; // a second Ctrl+C kills the process
    stop.Cancel();
};

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName(Usage.ToolName);
    config.Settings.Registrar.RegisterInstance(new CliConfiguration(settingArguments));
    config.SetExceptionHandler((e, _) => CliErrors.Handle(e, commandArguments));
    config.UseStrictParsing(); // an unknown option is a usage error, not an argument silently ignored

    config.AddCommand<SyncCommand>("sync")
        .WithDescription("Sync one endpoint (domain, peruser, locations, assets, wodetail, inventory) or all of them from Maximo into the replica.")
        .WithExample("sync", "all", "--site", "KDFAC")
        .WithExample("sync", "assets", "--full");
    config.AddCommand<MonitorCommand>("monitor")
        .WithDescription("Watch every endpoint's sync state and the replica's row counts live, from the database only. Ctrl+C to quit.")
        .WithExample("monitor", "--refresh", "2");
    config.AddCommand<StatusCommand>("status")
        .WithDescription("Show every endpoint's sync state and the replica's row counts once, as a table or JSON.")
        .WithExample("status", "--json");
    config.AddCommand<DoctorCommand>("doctor")
        .WithDescription("Check the configured Maximo before a first sync (read-only): connection, credentials, and how each object structure answers.")
        .WithExample("doctor")
        .WithExample("doctor", "--site", "KDFAC", "--json");
    config.AddBranch("apikey", apikey =>
    {
        apikey.SetDescription("Maximo API keys.");
        apikey.AddCommand<ApiKeyCreateCommand>("create")
            .WithDescription("Create an API key for a Maximo user and print how to configure it.")
            .WithExample("apikey", "create", "--username", "wilson");
    });
    config.AddBranch("users", users =>
    {
        users.SetDescription("Who may sign in to the web app (Auth:Mode=Local), with which role.");
        users.AddCommand<UsersAddCommand>("add").WithDescription("Add a user with a role (Viewer, Operator, Admin).")
            .WithExample("users", "add", "wilson", "--role", "Operator");
        users.AddCommand<UsersListCommand>("list").WithDescription("List the users, their roles and lock-outs.");
        users.AddCommand<UsersRoleCommand>("role").WithDescription("Change a user's role.").WithExample("users", "role", "wilson", "Admin");
        users.AddCommand<UsersPasswordCommand>("password").WithDescription("Set a user's password.");
        users.AddCommand<UsersUnlockCommand>("unlock").WithDescription("Let a user locked out after failed sign-ins in again.");
        users.AddCommand<UsersRemoveCommand>("remove").WithDescription("Remove a user and their API tokens.");
    });
    config.AddBranch("tokens", tokens =>
    {
        tokens.SetDescription("Personal API tokens for scripts (Authorization: Bearer …).");
        tokens.AddCommand<TokensCreateCommand>("create").WithDescription("Create a token for a user; it is shown once.")
            .WithExample("tokens", "create", "--user", "wilson", "--name", "nightly-report", "--days", "30");
        tokens.AddCommand<TokensListCommand>("list").WithDescription("List tokens (never in full).");
        tokens.AddCommand<TokensRevokeCommand>("revoke").WithDescription("Revoke a token.").WithExample("tokens", "revoke", "3");
    });
    config.AddCommand<EmulatorCommand>("emulator")
        .WithDescription("Run the Maximo emulator, to try the tool or the web app without a Maximo.")
        .WithExample("emulator", "--urls", "http://127.0.0.1:5099", "--scale", "1");
});

return await app.RunAsync(commandArguments, stop.Token);
