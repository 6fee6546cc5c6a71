using MaximoOffline.Data.Accounts;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Engine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MaximoOffline.Cli.Hosting;

/// <summary>
/// The one place an error becomes a message and an exit code: usage and settings problems exit 2
/// (with the synopsis, or the setting to fix), Maximo and sync failures exit 1.
/// </summary>
internal static class CliErrors
{
    public static int Handle(Exception exception, IReadOnlyList<string> args)
    {
        switch (exception)
        {
            case CommandAppException or SyncRequestException { Problem: SyncRequestProblem.UnknownEndpoint or SyncRequestProblem.BadSite }:
                Terminal.Fail(exception.Message);
                Console.Error.WriteLine(Usage.For(args));
                return ExitCodes.BadUsage;
            case SettingsException or OptionsValidationException or ReplicaDatabaseException or SyncRequestException or AccountException:
                Terminal.Fail(exception.Message);
                return ExitCodes.BadUsage;
            case MaximoException:
                Terminal.Fail(exception.Message);
                return ExitCodes.Failed;
            case OperationCanceledException:
                Terminal.Fail("Cancelled.");
                return ExitCodes.Failed;
            default:
                Terminal.Fail($"Unexpected error ({exception.GetType().Name}): {exception.Message}");
                return ExitCodes.Failed;
        }
    }
}
