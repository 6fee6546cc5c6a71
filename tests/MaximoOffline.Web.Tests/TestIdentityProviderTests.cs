using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The test identity provider on its own, without the app: the authorization code flow with PKCE done
/// by hand, as the app's OpenID Connect handler does it.
/// </summary>
public sealed class TestIdentityProviderTests
{
    private const string ClientId = "maximo-offline";
    private const string ClientSecret = "test-secret";

    // Nothing listens there: the client only reads the code from the redirect.
    private static readonly Uri RedirectUri = new("http://127.0.0.1:1/cb");

    [Fact]
    public async Task TheCodeFlowIssuesAnIdTokenForThePersonSignedIn()
    {
        await using var idp = await TestIdentityProvider.StartAsync(ClientId, ClientSecret);
        await idp.AllowRedirectAsync(RedirectUri);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = idp.BaseUrl };

        var discovery = await http.GetFromJsonAsync<JsonElement>(".well-known/openid-configuration");
        Assert.Equal(idp.BaseUrl.AbsoluteUri, discovery.GetProperty("issuer").GetString());
        var authorizationEndpoint = new Uri(discovery.GetProperty("authorization_endpoint").GetString()!);
        var tokenEndpoint = new Uri(discovery.GetProperty("token_endpoint").GetString()!);

        // No one set to sign in: the provider refuses, back at the client as an OAuth error.
        var refused = await AuthorizeAsync(http, authorizationEndpoint);
        Assert.Equal("access_denied", refused.Answer["error"]);
        Assert.Equal(0, idp.Authorizations);

        idp.SignInNext("alice", "roles", "planner", "supervisor");
        var alice = await SignInAsync(http, authorizationEndpoint, tokenEndpoint);
        Assert.Equal("alice", alice.GetProperty("sub").GetString());
        Assert.Equal("alice", alice.GetProperty("name").GetString());
        Assert.Equal("alice", alice.GetProperty("preferred_username").GetString());
        Assert.Equal(["planner", "supervisor"], alice.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(ClientId, alice.GetProperty("aud").GetString());
        Assert.Equal(idp.BaseUrl.AbsoluteUri, alice.GetProperty("iss").GetString());

        // One role is a plain string, as most providers send it.
        idp.SignInNext("bob", "groups", "technician");
        var bob = await SignInAsync(http, authorizationEndpoint, tokenEndpoint);
        Assert.Equal("bob", bob.GetProperty("sub").GetString());
        Assert.Equal("technician", bob.GetProperty("groups").GetString());

        Assert.Equal(2, idp.Authorizations);
    }

    // One whole flow; returns the id_token's payload (read, not validated: the app's handler validates).
    private static async Task<JsonElement> SignInAsync(HttpClient http, Uri authorizationEndpoint, Uri tokenEndpoint)
    {
        var (answer, verifier, nonce) = await AuthorizeAsync(http, authorizationEndpoint);
        Assert.False(answer.ContainsKey("error"), answer.GetValueOrDefault("error_description"));

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = answer["code"],
            ["redirect_uri"] = RedirectUri.AbsoluteUri,
            ["code_verifier"] = verifier,
            // client_secret_post, as ASP.NET Core's OpenID Connect handler authenticates.
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        });
        using var response = await http.PostAsync(tokenEndpoint, form);
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, tokens.ToString());

        var payload = tokens.GetProperty("id_token").GetString()!.Split('.')[1];
        var id = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(payload));
        Assert.Equal(nonce, id.GetProperty("nonce").GetString());
        return id;
    }

    // Sends the browser's authorization request (PKCE S256); returns the redirect's query parameters,
    // with the verifier for the token request and the nonce to find in the id_token.
    private static async Task<(Dictionary<string, string> Answer, string Verifier, string Nonce)> AuthorizeAsync(HttpClient http, Uri authorizationEndpoint)
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var nonce = Guid.NewGuid().ToString("N");
        var url = QueryHelpers.AddQueryString(authorizationEndpoint.AbsoluteUri, new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri.AbsoluteUri,
            ["response_type"] = "code",
            ["response_mode"] = "query",
            ["scope"] = "openid profile roles",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
            ["nonce"] = nonce,
        });

        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(RedirectUri.GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));

        var answer = QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Equal(state, answer["state"]);
        return (answer, verifier, nonce);
    }
}
