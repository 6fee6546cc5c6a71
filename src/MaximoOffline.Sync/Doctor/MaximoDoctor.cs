using System.Net;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;
using MaximoOffline.Sync.Engine;
using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// Checks the configured Maximo before a first sync and says whether a sync would work, what the
/// server does differently, and which settings suit it (docs/ARCHITECTURE.md, "The doctor"). Read-only:
/// every request is a GET (a password login is the one POST, made only in the MaxAuth and Basic modes,
/// as every sync makes it). Each object structure costs a few light requests; they run concurrently,
/// at most <c>Maximo:MaxConcurrentRequests</c> at a time.
/// </summary>
public sealed class MaximoDoctor(
    MaximoClient client,
    ConnectionProbe connection,
    IMaximoLocator locator,
    IOptions<MaximoOptions> maximoOptions,
    IOptions<SyncOptions> syncOptions,
    TimeProvider time)
{
    /// <param name="site">The site to check site-filtered endpoints for; null: <c>Maximo:DefaultSite</c>, else the user's default site.</param>
    /// <exception cref="SyncRequestException">The site is not a valid Maximo site id.</exception>
    public async Task<DoctorReport> CheckAsync(string? site, CancellationToken cancellationToken)
    {
        var requested = string.IsNullOrWhiteSpace(site) ? null : SyncService.ValidateSite(site);
        var options = maximoOptions.Value;
        var (checkedAt, started) = (time.GetUtcNow(), time.GetTimestamp());
        var baseUrl = locator.BaseUrl;
        using var maximo = new ProbeRequests(client, options.MaxConcurrentRequests);

        maximo.Counted();
        var reach = await connection.CheckAsync(baseUrl, options.ApiRoot, TimeSpan.FromSeconds(options.TimeoutSeconds), cancellationToken);
        var (auth, user, provisional) = reach.Reachable
            ? await AuthAsync(maximo, options, cancellationToken)
            : (new AuthFinding(Mode(options), false, null, "Not checked: Maximo could not be reached."), null, false);
        var siteFinding = Site(requested, options, user);

        EndpointFinding[] endpoints;
        var server = new ServerFinding(null, null, UnknownChildHandling.Unknown, null, "Not checked.");
        if (auth.Works)
        {
            var probe = new EndpointProbe(maximo, options, syncOptions.Value, time);
            endpoints = await Task.WhenAll(EndpointCatalog.DependencyOrder.Select(e => probe.CheckAsync(e, siteFinding.Id, cancellationToken)));
            if (provisional && endpoints.All(e => e.Count is null))
            {
                auth = auth with { Works = false, Detail = $"{auth.Detail} None was answered: {endpoints[0].Error}" };
            }

            // The server-wide questions go to the object structure with the most records in scope.
            var subject = EndpointCatalog.DependencyOrder.Zip(endpoints).Where(p => p.Second.Count > 0)
                .OrderByDescending(p => p.Second.Count).Select(p => p.First).FirstOrDefault();
            if (subject is not null)
            {
                server = await new ServerProbe(maximo).CheckAsync(subject, probe.Scope(subject, siteFinding.Id), cancellationToken);
            }
        }
        else
        {
            var why = reach.Reachable ? "Not checked: the credentials were not accepted." : "Not checked: Maximo could not be reached.";
            endpoints = [.. EndpointCatalog.DependencyOrder.Select(e => EndpointProbe.NotChecked(e, null, options.PageSizeFor(e.Slug), why))];
        }

        var (recommended, recommendations) = DoctorVerdict.Recommend(endpoints, server, options, maximo.Throttled);
        var verdict = DoctorVerdict.Judge(baseUrl, reach, auth, siteFinding, server, recommended, recommendations, options, maximo.Throttled, checkedAt);
        return new DoctorReport(ConnectionProbe.Describe(baseUrl), checkedAt, Math.Round(time.GetElapsedTime(started).TotalSeconds, 2), maximo.Count,
            verdict, reach, auth, user, siteFinding, server, recommended, recommendations);
    }

    /// <summary>
    /// The configured credentials on one authenticated request (<c>whoami</c>); in the MaxAuth and Basic
    /// modes that request logs in first, so a refused password or a server that takes only API keys shows here.
    /// Provisional when the server has no whoami: the counts of the object structures then decide.
    /// </summary>
    private static async Task<(AuthFinding Auth, UserFinding? User, bool Provisional)> AuthAsync(ProbeRequests maximo, MaximoOptions options, CancellationToken cancellationToken)
    {
        var mode = Mode(options);
        try
        {
            var (userId, defaultSite) = await maximo.WhoAmIAsync(cancellationToken);
            var how = mode == nameof(MaximoAuthMode.ApiKey)
                ? options.UsesBuiltInEmulator ? "The built-in emulator's API key was accepted" : "The API key was accepted"
                : $"Logged in as {options.Username} ({mode})";
            return (new AuthFinding(mode, true, null, $"{how}: whoami answered for {userId ?? "an unnamed user"}."), new UserFinding(userId, defaultSite), false);
        }
        catch (MaximoApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (new AuthFinding(mode, true, null, "This server has no whoami (HTTP 404): the counts of the object structures show whether the credentials work."),
                null, true);
        }
        catch (MaximoException e)
        {
            // MAS redirects /oslc requests without a session to its sign-in page, API key or not.
            var hint = e is MaximoResponseException && mode == nameof(MaximoAuthMode.ApiKey) && options.ApiRoot.Equals("oslc", StringComparison.OrdinalIgnoreCase)
                ? " On Maximo Application Suite, API keys work on the api root only: set Maximo:ApiRoot=api."
                : "";
            return (new AuthFinding(mode, false, (e as MaximoApiException)?.ReasonCode, e.Message + hint), null, false);
        }
    }

    private static string Mode(MaximoOptions options) => options.UsesBuiltInEmulator ? nameof(MaximoAuthMode.ApiKey) : options.AuthMode.ToString();

    private static SiteFinding Site(string? requested, MaximoOptions options, UserFinding? user)
    {
        if (requested is not null)
        {
            return new SiteFinding(requested, "requested");
        }

        if (!string.IsNullOrWhiteSpace(options.DefaultSite) && SiteId.TryParse(options.DefaultSite, out var configured, out _))
        {
            return new SiteFinding(configured, "Maximo:DefaultSite");
        }

        return user?.DefaultSite is { } own && SiteId.TryParse(own, out var site, out _)
            ? new SiteFinding(site, "the user's default site")
            : new SiteFinding(null, "none: no site was given, Maximo:DefaultSite is not set and the user has no default site");
    }
}
