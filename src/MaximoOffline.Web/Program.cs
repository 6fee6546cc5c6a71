using MaximoOffline.Data.Bookkeeping;
using MaximoOffline.Data.Database;
using MaximoOffline.Sync;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using MaximoOffline.Web.Api;
using MaximoOffline.Web.Hosting;
using MaximoOffline.Web.Jobs;
using MaximoOffline.Web.Live;
using MaximoOffline.Web.Security;

var builder = WebApplication.CreateBuilder(args);

// Settings: appsettings.json, a .env file and the old scripts' variable names, the environment, the command line.
builder.Configuration.AddMaximoOfflineSettings(args);
builder.AddMaximoOfflineLogging();
// Text pasted into a search box may be long: it reaches the app, whose answer says what is accepted (Kestrel alone would answer 414).
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = 64 * 1024);
builder.Services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.Section));

// Sign-in: none on a laptop (localhost only), local accounts or the organisation's identity provider on a server.
if (AuthSetup.StartupProblems(builder.Configuration) is { Count: > 0 } refused)
{
    foreach (var problem in refused)
    {
        await Console.Error.WriteLineAsync(problem);
    }

    return 2;
}

builder.Services.AddMaximoOfflineAuth(AuthSetup.Read(builder.Configuration),
    Path.Combine(Path.GetDirectoryName(SyncOptions.Replica(builder.Configuration).Path)!, "keys"));

// The engine, and where it syncs from: the configured Maximo, or the emulator this app hosts.
builder.Services.AddBuiltInMaximo(builder.Configuration);
builder.Services.AddMaximoSync(builder.Configuration);

// Syncs run as background jobs; browsers follow them live over SignalR.
builder.Services.AddSyncJobs(builder.Configuration);
var signalR = builder.Services.AddSignalR();
builder.Services.AddSingleton<HubBroadcaster>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<HubBroadcaster>());
builder.Services.AddSingleton<ISyncObserver>(sp => sp.GetRequiredService<HubBroadcaster>());
builder.Services.AddSingleton<ISyncObserver, RunLogWriter>();
builder.Services.AddHostedService<OtherProcessRuns>(); // runs of other processes join the same event stream

// The REST API, its docs, the dashboard page, health.
builder.Services.AddSingleton<RunQueries>();
builder.Services.AddSingleton<MaximoOffline.Web.Pages.Data.Freshness>(); // how fresh the workspace pages' data is
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>(); // one mapping of errors to problem details, for the API and the page
builder.Services.AddApiDocs();
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/", Policies.Viewer);
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/Denied");
    o.Conventions.AllowAnonymousToPage("/Account/Logout"); // someone with no role must still be able to leave
});
var health = builder.Services.AddHealthChecks()
    .AddCheck<ReplicaHealthCheck>("database")
    .AddCheck<JobServerHealthCheck>("jobs");

// A team server: several nodes on one PostgreSQL replica, live updates and sign-in keys shared through Redis.
builder.Services.AddTeamServer(builder.Configuration, signalR, health);

var app = builder.Build();

// A new machine needs no set-up: the schema is migrated, and runs a crash left behind are marked Interrupted.
// (On a team server, InterruptedRunRecovery does the latter, and also runs those syncs again.)
var replica = app.Services.GetRequiredService<ReplicaStore>();
await using (await replica.LockSchemaAsync())
{
    await replica.MigrateAsync();
    _ = app.Services.GetRequiredService<Hangfire.JobStorage>(); // a job store on PostgreSQL creates its schema here, in turn too
}

if (replica.Provider == ReplicaProvider.Sqlite)
{
    app.Services.GetRequiredService<RunLease>().InterruptAbandoned();
}


// The pipeline: errors become problem details; security headers on every answer; API bodies are a few fields.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiBodyLimit();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization(); // every route declares its policy; anything else (Swagger's page) needs a Viewer
app.UseSameOriginHub();
app.UseRateLimiter(); // sign-in attempts per address
app.UseAntiforgery();

app.MapBuiltInMaximo();
app.MapSyncApi();
app.MapDoctorApi();
app.MapDataApi();
app.MapApiDocs();
app.MapHub<SyncHub>(SyncHub.Path, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(Policies.Viewer);
app.MapRazorPages();
app.MapJobsDashboard();
app.ScheduleSyncs();
app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
app.MapGet("/", () => Results.Redirect("/sync")).ExcludeFromDescription().AllowAnonymous();
app.RefuseAnonymousRemoteListening();

await app.RunAsync();
return Environment.ExitCode; // 2 when the app stopped itself (see RefuseAnonymousRemoteListening)

/// <summary>The web app's entry point (public for the integration tests' WebApplicationFactory).</summary>
public partial class Program;
