using System.Net;

namespace MaximoOffline.Web.Security;

/// <summary>
/// Where the app is set to listen (<c>urls</c> / <c>ASPNETCORE_URLS</c>, <c>--urls</c>, the HTTP(S)
/// ports settings, <c>Kestrel:Endpoints</c>), and whether any of it reaches beyond this machine.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>
    /// The configured addresses that other machines can reach; empty when the app stays on localhost.
    /// As Kestrel decides: <c>Kestrel:Endpoints</c> when set, else <c>urls</c>, else the ports settings.
    /// </summary>
    public static IReadOnlyList<string> Remote(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        IEnumerable<string> configured = endpoints.Count > 0 ? endpoints
            : Split(configuration["urls"]) is { Length: > 0 } urls ? urls
            : Split(configuration["http_ports"]).Select(port => $"http://*:{port}")
                .Concat(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        return [.. configured.Where(IsRemote)];
    }

    /// <summary>
    /// True unless the address is this machine's alone: <c>localhost</c>, a loopback address
    /// (<c>127.x</c>, <c>[::1]</c>), a Unix socket or a named pipe.
    /// </summary>
    public static bool IsRemote(string address)
    {
        var host = address.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        if (host.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || host.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            host = end > 0 ? host[1..end] : host[1..];
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
