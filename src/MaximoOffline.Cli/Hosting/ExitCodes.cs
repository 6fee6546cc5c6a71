namespace MaximoOffline.Cli.Hosting;

/// <summary>Exit codes (README.md): 0 success, 1 sync failed, 2 bad usage or configuration.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
}
