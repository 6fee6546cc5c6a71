using System.Text.Json;
using MaximoOffline.Emulator.Auth;
using MaximoOffline.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace MaximoOffline.Emulator.Api;

// login, whoami and API-key creation and revocation.
internal static class AccountApi
{
    public static async Task LoginAsync(HttpContext context, EmulatorState state)
    {
        var credentials = Authenticator.Credentials(context.Request);
        if (credentials is null)
        {
            var outcome = AuthOutcome.NotLoggedIn();
            await ErrorBody.WriteAsync(context, 401, outcome.ReasonCode, outcome.Message);
            return;
        }
        if (!Authenticator.Valid(state, credentials.Value))
        {
            var outcome = AuthOutcome.BadPassword();
            await ErrorBody.WriteAsync(context, 401, outcome.ReasonCode, outcome.Message);
            return;
        }
        var user = credentials.Value.User.ToUpperInvariant();
        context.Response.Cookies.Append(SessionStore.CookieName, state.Sessions.Open(user),
            new CookieOptions { HttpOnly = true, Path = "/maximo", SameSite = SameSiteMode.Lax });
        await CollectionBody.WriteObjectAsync(context, 200, w => WriteWhoAmI(w, state, user));
    }

    public static Task WhoAmIAsync(HttpContext context, EmulatorState state) =>
        CollectionBody.WriteObjectAsync(context, 200, w => WriteWhoAmI(w, state, AuthFilter.UserOf(context)));

    private static void WriteWhoAmI(Utf8JsonWriter w, EmulatorState state, string user)
    {
        var options = state.Options;
        w.WriteStartObject();
        w.WriteString("userid", user);
        w.WriteString("personid", user);
        w.WriteString("loginID", user.ToLowerInvariant());
        w.WriteString("displayName",
            string.Equals(user, options.ApiKeyUser, StringComparison.OrdinalIgnoreCase) ? "Integration Administrator"
            : string.Equals(user, options.Username, StringComparison.OrdinalIgnoreCase) ? "Maximo Administrator"
            : user);
        w.WriteString("defsite", options.DefaultSite);
        w.WriteString("insertSite", options.DefaultSite);
        w.WriteString("defaultOrg", options.DefaultOrg);
        w.WriteString("insertOrg", options.DefaultOrg);
        w.WriteString("orgid", options.DefaultOrg);
        w.WriteString("langcode", "EN");
        w.WriteString("baseLang", "EN");
        w.WriteString("timezone", "America/New_York");
        w.WriteEndObject();
    }

    // POST {root}/apitoken/create {"expiration": -1}: a key for the caller, one per user.
    public static async Task CreateTokenAsync(HttpContext context, EmulatorState state)
    {
        var expiration = await ReadExpirationAsync(context);
        var user = AuthFilter.UserOf(context);
        var entry = state.Keys.Create(user, expiration);
        if (entry is null)
        {
            await ErrorBody.WriteAsync(context, 400, "BMXAA10051E", $"BMXAA10051E - An API key already exists for user {user}. Only one API key is allowed per user.");
            return;
        }
        await CollectionBody.WriteObjectAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("apikey", entry.Key);
            w.WriteNumber("expiration", entry.Expiration);
            w.WriteString("userid", entry.UserId);
            w.WriteEndObject();
        });
    }

    public static Task RevokeTokenAsync(HttpContext context, EmulatorState state)
    {
        state.Keys.RemoveFor(AuthFilter.UserOf(context));
        return CollectionBody.WriteObjectAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        });
    }

    // POST {root}/os/mxapiapikey {"expiration": -1, "userid": "WILSON"}: an administrator creates a user's key.
    public static async Task CreateForUserAsync(HttpContext context, EmulatorState state, string root)
    {
        string? userId = null;
        var expiration = -1;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            foreach (var property in body.RootElement.EnumerateObject())
            {
                var name = property.Name.Contains(':', StringComparison.Ordinal) ? property.Name[(property.Name.IndexOf(':', StringComparison.Ordinal) + 1)..] : property.Name;
                if (name.Equals("userid", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    userId = property.Value.GetString();
                }
                else if (name.Equals("expiration", StringComparison.OrdinalIgnoreCase) && property.Value.TryGetInt32(out var minutes))
                {
                    expiration = minutes;
                }
            }
        }
        catch (JsonException)
        {
        }
        if (string.IsNullOrWhiteSpace(userId))
        {
            await ErrorBody.WriteAsync(context, 400, "BMXAA4195E", "BMXAA4195E - A value is required for the User ID field on the APIKEYTOKEN object.");
            return;
        }
        var entry = state.Keys.Create(userId, expiration);
        if (entry is null)
        {
            await ErrorBody.WriteAsync(context, 400, "BMXAA10051E", $"BMXAA10051E - An API key already exists for user {userId.ToUpperInvariant()}. Only one API key is allowed per user.");
            return;
        }
        var href = $"{CollectionBody.RootHref(context.Request, root, false)}/os/mxapiapikey/{Data.RestId.Encode(entry.UserId)}";
        context.Response.Headers.Location = href;
        context.Response.StatusCode = 201;
    }

    private static async Task<int> ReadExpirationAsync(HttpContext context)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return body.RootElement.TryGetProperty("expiration", out var value) && value.TryGetInt32(out var minutes) ? minutes : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}
