using MaximoOffline.Sync.Settings;
using Serilog;
using Serilog.Events;

namespace MaximoOffline.Web.Hosting;

internal static class Logging
{
    /// <summary>Serilog to the console and to a daily rolling file in a <c>logs</c> folder beside the replica.</summary>
    public static WebApplicationBuilder AddMaximoOfflineLogging(this WebApplicationBuilder builder)
    {
        var logFile = Path.Combine(Path.GetDirectoryName(SyncOptions.Replica(builder.Configuration).Path)!, "logs", "maximo-offline-.log");
        builder.Services.AddSerilog(configuration => configuration
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            // The app's own logger, not the process-wide static one: nothing global to share or overwrite.
            preserveStaticLogger: true);
        return builder;
    }
}
