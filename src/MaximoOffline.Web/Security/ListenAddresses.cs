using System.Net;

namespace MaximoOffline.Web.Security;

/// <summary>
/// Where the app is set to listen (<c>urls</c> / <c>ASPNETCORE_URLS</c>, <c>--urls</c>, the HTTP(S)
/// ports settings, <c>Kestrel:Endpoints</c>), and whether any of it reaches beyond this machine.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>The configured addresses that other machines can reach; empty when the app stays on localhost.</summary>
    public static IReadOnlyList<string> Remote(IConfiguration configuration)
    {
        var configured = new List<string>();
        configured.AddRange(Split(configuration["urls"]));
        configured.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
        configured.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        configured.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>());
        return [.. configured.Where(IsRemote)];
    }

    /// <summary>True unless the address is a loopback one (<c>localhost</c>, <c>127.x</c>, <c>[::1]</c>).</summary>
    public static bool IsRemote(string address)
    {
        var host = address;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[1..host.IndexOf(']', StringComparison.Ordinal)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }

        return !(host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                 || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)));
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
