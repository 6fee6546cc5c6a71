using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MaximoOffline.Emulator.Auth;

// JSESSIONID → user, for clients that log in with maxauth or Basic and replay the cookie.
internal sealed class SessionStore
{
    public const string CookieName = "JSESSIONID";
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);

    public string Open(string userId)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _sessions[id] = userId;
        return id;
    }

    public string? UserOf(string sessionId) => _sessions.GetValueOrDefault(sessionId);

    public void Clear() => _sessions.Clear();
}
