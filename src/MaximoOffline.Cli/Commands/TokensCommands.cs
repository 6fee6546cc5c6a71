using System.ComponentModel;
using System.Globalization;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Data.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary>
/// <c>tokens create --user NAME [--name LABEL] [--days N]</c>: a personal API token that scripts send as
/// <c>Authorization: Bearer …</c>. It is printed once; only its hash is kept.
/// </summary>
internal sealed class TokensCreateCommand(CliConfiguration configuration) : AsyncCommand<TokensCreateCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--user <NAME>")]
        [Description("The user the token acts as (with that user's role).")]
        public string User { get; init; } = "";

        [CommandOption("--name <LABEL>")]
        [Description("What the token is for, to recognise it in 'tokens list'.")]
        public string Name { get; init; } = "token";

        [CommandOption("--days <N>")]
        [Description("Days until it expires (default 90, at most 366).")]
        public int Days { get; init; } = (int)ApiTokens.DefaultLifetime.TotalDays;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(User) ? ValidationResult.Error("Name the user the token is for: --user NAME")
            : Days is < 1 or > 366 ? ValidationResult.Error("--days must be between 1 and 366.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        var (token, secret) = await host.Tokens.CreateAsync(settings.User, settings.Name, TimeSpan.FromDays(settings.Days), cancellationToken);
        Terminal.Out.MarkupLine($"Created token {token.Id} ([bold]{Markup.Escape(token.Name)}[/]) for {Markup.Escape(settings.User)}, valid until {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
        Terminal.Out.WriteLine("It is shown this once; keep it as you would a password:");
        Terminal.Out.WriteLine();
        Console.Out.WriteLine(secret);
        Terminal.Out.WriteLine();
        Terminal.Out.WriteLine($"Use it as: curl -H \"Authorization: Bearer {secret[..10]}…\" http://HOST/api/endpoints");
        Terminal.Out.WriteLine($"Revoke it with: maximo-offline tokens revoke {token.Id}");
        return ExitCodes.Success;
    }
}

/// <summary><c>tokens list [--user NAME]</c>: tokens by their first characters, never in full.</summary>
internal sealed class TokensListCommand(CliConfiguration configuration) : AsyncCommand<TokensListCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--user <NAME>")]
        [Description("Only this user's tokens.")]
        public string? User { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        var tokens = await host.Tokens.ListAsync(settings.User, cancellationToken);
        if (tokens.Count == 0)
        {
            Terminal.Out.WriteLine("No tokens. Create one: maximo-offline tokens create --user NAME");
            return ExitCodes.Success;
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var table = new Table().AddColumns("Id", "User", "Name", "Starts with", "Expires (UTC)", "Last used (UTC)", "State");
        foreach (var (t, user) in tokens)
        {
            var state = t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= now ? "expired" : "valid";
            table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(user), Markup.Escape(t.Name), Markup.Escape(t.Prefix + "…"),
                t.ExpiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), t.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never", state);
        }

        Terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary><c>tokens revoke ID</c>: the token stops working at once.</summary>
internal sealed class TokensRevokeCommand(CliConfiguration configuration) : AsyncCommand<TokensRevokeCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The token's id, as 'tokens list' shows it.")]
        public long Id { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var host = await AccountsHost.OpenAsync(configuration, settings, cancellationToken);
        if (!await host.Tokens.RevokeAsync(settings.Id, cancellationToken))
        {
            throw new AccountException($"There is no valid token {settings.Id}. See the tokens: maximo-offline tokens list");
        }

        Terminal.Out.WriteLine($"Revoked token {settings.Id}.");
        return ExitCodes.Success;
    }
}
