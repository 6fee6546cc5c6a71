using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Client;

/// <summary>Where the Maximo that syncs read from is, and how to describe it to a user.</summary>
public interface IMaximoLocator
{
    /// <summary>The Maximo root, ending at <c>/maximo</c> (no trailing slash).</summary>
    Uri BaseUrl { get; }

    /// <summary>The API key to send, when the auth mode is ApiKey.</summary>
    string? ApiKey { get; }
}

/// <summary>The configured Maximo (<c>Maximo:BaseUrl</c>, <c>Maximo:ApiKey</c>).</summary>
internal sealed class ConfiguredMaximoLocator(IOptions<MaximoOptions> options) : IMaximoLocator
{
    public Uri BaseUrl => string.IsNullOrWhiteSpace(options.Value.BaseUrl)
        ? throw new InvalidOperationException("No Maximo is configured: set Maximo:BaseUrl (and Maximo:ApiKey).")
        : new Uri(options.Value.BaseUrl.TrimEnd('/'));

    public string? ApiKey => options.Value.ApiKey;
}
