using System.ComponentModel;
using MaximoOffline.Cli.Hosting;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Commands;

/// <summary>
/// <c>apikey create --username U [--password-stdin]</c>: logs in to the configured Maximo as the user
/// and creates an API key for them. The password is read from standard input or typed without echo;
/// it is never printed and goes only to Maximo's login.
/// </summary>
internal sealed class ApiKeyCreateCommand(CliConfiguration configuration) : AsyncCommand<ApiKeyCreateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--username <USER>")]
        [Description("The Maximo user the key is for (default Maximo:Username).")]
        public string? Username { get; init; }

        [CommandOption("--password-stdin")]
        [Description("Read the password from standard input (for scripts); otherwise it is asked for without echo.")]
        public bool PasswordStdin { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configured = configuration.Build();
        var username = settings.Username ?? configured[$"{MaximoOptions.Section}:{nameof(MaximoOptions.Username)}"];
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new SettingsException("Name the Maximo user: --username U (or set Maximo:Username).");
        }

        var password = await PasswordInput.ReadAsync(settings.PasswordStdin, $"Password for {username}:", cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            password = configured[$"{MaximoOptions.Section}:{nameof(MaximoOptions.Password)}"];
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new SettingsException("No password: pipe it with --password-stdin, run in a terminal to be asked for it, or set Maximo:Password.");
        }

        // Creating a key logs in with the user's password: no API key is needed (or checked) for that.
        var login = new Dictionary<string, string?>
        {
            [$"{MaximoOptions.Section}:{nameof(MaximoOptions.AuthMode)}"] = nameof(MaximoAuthMode.MaxAuth),
            [$"{MaximoOptions.Section}:{nameof(MaximoOptions.Username)}"] = username,
            [$"{MaximoOptions.Section}:{nameof(MaximoOptions.Password)}"] = password,
        };
        await using var host = SyncHost.Create(configuration.Build(login));
        var key = await host.Get<ApiKeyCreator>().CreateAsync(username, password, cancellationToken);
        var baseUrl = host.Get<IMaximoLocator>().BaseUrl;

        Terminal.Out.MarkupLine($"Created an API key for [bold]{Markup.Escape(username.ToUpperInvariant())}[/] on {Markup.Escape(baseUrl.ToString())}:");
        Terminal.Out.WriteLine();
        Terminal.Out.WriteLine(key);
        Terminal.Out.WriteLine();
        Terminal.Out.WriteLine("Configure it (it is a secret: keep it out of version control) as an environment variable:");
        Terminal.Out.WriteLine($"  export Maximo__ApiKey={key}");
        Terminal.Out.WriteLine("or as a line in the .env file of the folder you run maximo-offline or the web app from:");
        Terminal.Out.WriteLine($"  Maximo__ApiKey={key}");
        Terminal.Out.WriteLine($"together with Maximo__BaseUrl={baseUrl}");
        return ExitCodes.Success;
    }
}
