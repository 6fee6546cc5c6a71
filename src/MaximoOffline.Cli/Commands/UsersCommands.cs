using System.ComponentModel;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Data.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary>Settings of a <c>users</c> command that names one user.</summary>
internal class UserSettings : DatabaseSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The user's sign-in name.")]
    public string Name { get; init; } = "";
}

/// <summary>
/// <c>users add NAME --role ROLE [--password-stdin | --no-password]</c>: an account for the web app's
/// <c>Auth:Mode=Local</c> sign-in (or, without a password, one that only API tokens act as).
/// </summary>
internal sealed class UsersAddCommand(CliConfiguration configuration) : AsyncCommand<UsersAddCommand.Settings>
{
    internal sealed class Settings : UserSettings
    {
        [CommandOption("--role <ROLE>")]
        [Description("Viewer (read), Operator (also start and cancel syncs) or Admin (also the job dashboard and the connection check).")]
        public string Role { get; init; } = "";

        [CommandOption("--password-stdin")]
        [Description("Read the password from standard input (for scripts); otherwise it is asked for without echo.")]
        public bool PasswordStdin { get; init; }

        [CommandOption("--no-password")]
        [Description("An account that cannot sign in, for scripts' API tokens only.")]
        public bool NoPassword { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Role) ? ValidationResult.Error($"Give the user a role: --role {string.Join("|", Roles.All)}")
            : PasswordStdin && NoPassword ? ValidationResult.Error("--password-stdin and --no-password contradict each other: choose one.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var password = settings.NoPassword ? null
            : await PasswordInput.ReadAsync(settings.PasswordStdin, $"Password for {settings.Name} (at least {AccountServices.MinPasswordLength} characters):", cancellationToken)
              ?? throw new SettingsException("No password: pipe it with --password-stdin, run in a terminal to be asked for it, or add --no-password for an API-token-only account.");
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        var account = await host.Accounts.AddAsync(settings.Name, settings.Role, password);
        Terminal.Out.MarkupLine($"Added [bold]{Markup.Escape(account.UserName!)}[/] as {account.Role}" +
                                (password is null ? " (no password: API tokens only; create one with maximo-offline tokens create --user NAME)." : "."));
        return ExitCodes.Success;
    }
}

/// <summary><c>users list</c>: every account, its role, and whether it is locked out.</summary>
internal sealed class UsersListCommand(CliConfiguration configuration) : AsyncCommand<DatabaseSettingsOnly>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettingsOnly settings, CancellationToken cancellationToken)
    {
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        var accounts = await host.Accounts.ListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            Terminal.Out.WriteLine("No users yet. Add one: maximo-offline users add NAME --role Admin");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("User", "Role", "Password", "State", "Created (UTC)");
        foreach (var a in accounts)
        {
            var locked = a.LockoutEnd is { } end && end > TimeProvider.System.GetUtcNow();
            table.AddRow(Markup.Escape(a.UserName ?? ""), a.Role, a.PasswordHash is null ? "none (tokens only)" : "set",
                locked ? $"locked out until {a.LockoutEnd:yyyy-MM-dd HH:mm}" : "active", a.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        Terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary><c>users role NAME ROLE</c>.</summary>
internal sealed class UsersRoleCommand(CliConfiguration configuration) : AsyncCommand<UsersRoleCommand.Settings>
{
    internal sealed class Settings : UserSettings
    {
        [CommandArgument(1, "<ROLE>")]
        [Description("Viewer, Operator or Admin.")]
        public string Role { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        await host.Accounts.SetRoleAsync(settings.Name, settings.Role);
        Terminal.Out.WriteLine($"{settings.Name} is now {Roles.Parse(settings.Role)}.");
        return ExitCodes.Success;
    }
}

/// <summary><c>users password NAME [--password-stdin]</c>.</summary>
internal sealed class UsersPasswordCommand(CliConfiguration configuration) : AsyncCommand<UsersPasswordCommand.Settings>
{
    internal sealed class Settings : UserSettings
    {
        [CommandOption("--password-stdin")]
        [Description("Read the new password from standard input; otherwise it is asked for without echo.")]
        public bool PasswordStdin { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var password = await PasswordInput.ReadAsync(settings.PasswordStdin, $"New password for {settings.Name}:", cancellationToken)
                       ?? throw new SettingsException("No password: pipe it with --password-stdin, or run in a terminal to be asked for it.");
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        await host.Accounts.SetPasswordAsync(settings.Name, password);
        Terminal.Out.WriteLine($"Set a new password for {settings.Name}.");
        return ExitCodes.Success;
    }
}

/// <summary><c>users unlock NAME</c>: ends a lock-out after repeated failed sign-ins.</summary>
internal sealed class UsersUnlockCommand(CliConfiguration configuration) : AsyncCommand<UserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        await host.Accounts.UnlockAsync(settings.Name);
        Terminal.Out.WriteLine($"{settings.Name} may sign in again.");
        return ExitCodes.Success;
    }
}

/// <summary><c>users remove NAME</c>: the account and its API tokens.</summary>
internal sealed class UsersRemoveCommand(CliConfiguration configuration) : AsyncCommand<UserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        await host.Accounts.RemoveAsync(settings.Name);
        Terminal.Out.WriteLine($"Removed {settings.Name} and their API tokens.");
        return ExitCodes.Success;
    }
}

/// <summary>Only the replica option.</summary>
internal sealed class DatabaseSettingsOnly : DatabaseSettings;
