using System.Net;
using MaximoOffline.Sync.Client;
using MaximoOffline.Sync.Endpoints;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// What holds for the whole server, asked once of one object structure: the largest page size it
/// accepts (<c>mxe.oslc.maxpagesize</c> is a system property, not one per object structure), and what
/// it does with a select naming a child the object structure lacks. Only unique ids are asked for,
/// so even the largest page tried is light.
/// </summary>
internal sealed class ServerProbe(ProbeRequests maximo)
{
    /// <summary>Tried largest first; the first accepted is the answer.</summary>
    private static readonly int[] PageSizes = [5000, 1000, 500, 200, 100];

    /// <summary>A child name no object structure has.</summary>
    public const string NoSuchChild = "nosuchchild";

    public async Task<ServerFinding> CheckAsync(EndpointDefinition endpoint, MaximoQuery scope, CancellationToken cancellationToken)
    {
        var query = scope with { Select = endpoint.UniqueId, OrderBy = [(endpoint.UniqueId, true)] };
        int? largest = null, refused = null;
        var tried = new List<string>();
        var notes = new List<string>();
        foreach (var size in PageSizes)
        {
            try
            {
                using var page = await maximo.PageAsync(endpoint.ObjectStructure, query with { PageSize = size }, cancellationToken, adaptsPageWeight: true);
                largest = size;
                tried.Add($"{size} accepted");
                break;
            }
            catch (MaximoException e) when (MaximoFailures.IsPageTooHeavy(e))
            {
                refused = size;
                tried.Add(e is MaximoApiException { StatusCode: HttpStatusCode.BadRequest } ? $"{size} refused" : $"{size} too heavy ({Describe(e)})");
            }
            catch (MaximoException e)
            {
                tried.Add($"{size} not answered ({e.Message})");
                break;
            }
        }

        notes.Add($"Page sizes of ids: {string.Join(", ", tried)}.");
        var unknownChild = await UnknownChildAsync(endpoint, scope, notes, cancellationToken);
        return new ServerFinding(largest, refused, unknownChild, endpoint.ObjectStructure, string.Join(" ", notes));
    }

    private static string Describe(MaximoException e) => e is MaximoApiException api ? $"HTTP {(int)api.StatusCode}" : "no answer in time";

    /// <summary>One record, selecting a child that does not exist: refused (400) or answered.</summary>
    private async Task<UnknownChildHandling> UnknownChildAsync(EndpointDefinition endpoint, MaximoQuery scope, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            using var page = await maximo.PageAsync(endpoint.ObjectStructure,
                scope with { Select = $"{endpoint.UniqueId},{NoSuchChild}{{*}}", PageSize = 1 }, cancellationToken);
            notes.Add("A select naming a child this server lacks is ignored.");
            return UnknownChildHandling.Ignored;
        }
        catch (MaximoApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            notes.Add($"A select naming a child this server lacks is refused ({e.ReasonCode ?? "HTTP 400"}).");
            return UnknownChildHandling.Refused;
        }
        catch (MaximoException e)
        {
            notes.Add($"What a select naming an unknown child does could not be probed: {e.Message}");
            return UnknownChildHandling.Unknown;
        }
    }
}
