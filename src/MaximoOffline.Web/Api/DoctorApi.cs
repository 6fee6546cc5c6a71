using MaximoOffline.Sync.Doctor;
using Microsoft.AspNetCore.Http.HttpResults;

using MaximoOffline.Web.Security;

namespace MaximoOffline.Web.Api;

/// <summary>
/// <c>GET /api/doctor</c>: read-only checks of the Maximo the app syncs from (the configured one, or
/// the built-in emulator), as the command line's <c>doctor --json</c> reports them. A bad site is a
/// problem-details 400 through the one exception mapping (<c>Hosting/Problems.cs</c>).
/// </summary>
internal static class DoctorApi
{
    public static WebApplication MapDoctorApi(this WebApplication app)
    {
        app.MapGroup("/api").WithTags("Doctor").RequireAuthorization(Policies.Admin).MapGet("/doctor", CheckAsync)
            .WithSummary("Check the Maximo the app syncs from, before a first sync: connection, credentials, and how each object structure answers.")
            .WithDescription("Read-only, a few light requests per object structure. Optional ?site=KDFAC (default Maximo:DefaultSite, else the user's default site). " +
                             "Answers 200 with the report whether or not a sync would work (verdict.ok, verdict.reasons); 400 for a bad site.");
        return app;
    }

    private static async Task<Ok<DoctorReport>> CheckAsync(string? site, MaximoDoctor doctor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await doctor.CheckAsync(site, cancellationToken));
}
