using MaximoOffline.Data;
using MaximoOffline.Data.Database;

var builder = WebApplication.CreateBuilder(args);

// The replica lives in one SQLite file (Sync:DatabasePath, default ~/.maximo_offline/maximo.db).
builder.Services.AddMaximoData(builder.Configuration["Sync:DatabasePath"]);

var app = builder.Build();

// The schema is brought up to date before the first request: a new machine needs no set-up step.
await app.Services.GetRequiredService<ReplicaDatabase>().MigrateAsync();

app.MapGet("/healthz", () => TypedResults.Ok(new { status = "Healthy" }));

await app.RunAsync();
