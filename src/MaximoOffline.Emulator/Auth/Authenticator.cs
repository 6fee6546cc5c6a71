using System.Text;
using Microsoft.AspNetCore.Http;

namespace MaximoOffline.Emulator.Auth;

internal sealed record AuthOutcome(string? UserId, string ReasonCode = "", string Message = "")
{
    public static AuthOutcome NotLoggedIn() =>
        new(null, "BMXAA7901E", "BMXAA7901E - You cannot log in at this time. Contact the system administrator.");

    public static AuthOutcome BadPassword() =>
        new(null, "BMXAA0021E", "BMXAA0021E - User name and password combination are not valid. Try again.");

    public static AuthOutcome BadKey() =>
        new(null, "BMXAA9549E", "BMXAA9549E - The API key token is invalid. Either the token may have expired or the token has been revoked.");
}

// Who is calling: an API key (header or query), maxauth or Basic credentials, or a session cookie,
// with Maximo's answers when none of them holds.
internal static class Authenticator
{
    public const string UserItem = "maximo.user";

    public static AuthOutcome Authenticate(HttpContext context, EmulatorState state)
    {
        var request = context.Request;
        var apiKey = request.Headers["apikey"].ToString() is { Length: > 0 } header ? header : request.Query["apikey"].ToString();
        var hasSession = request.Cookies.ContainsKey(SessionStore.CookieName);
        if (apiKey.Length > 0)
        {
            // Maximo prefers the (empty) session over the key and refuses the request.
            if (hasSession && state.Options.RejectCookieWithApiKey)
            {
                return AuthOutcome.BadPassword();
            }
            return state.Keys.Find(apiKey) is { Revoked: false } entry ? new AuthOutcome(entry.UserId) : AuthOutcome.BadKey();
        }
        // MAS takes no password over the API: such credentials are as good as none.
        if (!state.Variations.Mas && Credentials(request) is { } credentials)
        {
            return Valid(state, credentials) ? new AuthOutcome(credentials.User.ToUpperInvariant()) : AuthOutcome.BadPassword();
        }
        if (hasSession && state.Sessions.UserOf(request.Cookies[SessionStore.CookieName]!) is { } user)
        {
            return new AuthOutcome(user);
        }
        return AuthOutcome.NotLoggedIn();
    }

    // maxauth: base64(user:password); LDAP-configured servers take Authorization: Basic instead.
    public static (string User, string Password)? Credentials(HttpRequest request)
    {
        var encoded = request.Headers["maxauth"].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (encoded.Length == 0 && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            encoded = authorization["Basic ".Length..].Trim();
        }
        if (encoded.Length == 0)
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }

    public static bool Valid(EmulatorState state, (string User, string Password) credentials) =>
        string.Equals(credentials.User, state.Options.Username, StringComparison.OrdinalIgnoreCase) &&
        credentials.Password == state.Options.Password;
}
