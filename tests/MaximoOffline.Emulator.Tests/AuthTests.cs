using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

public sealed class AuthFixture : MaximoFixture
{
    protected override int Seed => 3;
}

// API keys, maxauth and Basic logins with session cookies, key creation, and Maximo's 401 bodies.
public sealed class AuthTests(AuthFixture fixture) : IClassFixture<AuthFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    private static string MaxAuth(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private async Task<string> LoginAsync(Action<HttpRequestMessage> credentials)
    {
        using var response = await _http.SendAsync(HttpMethod.Post, "oslc/login", withKey: false, configure: credentials);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("JSESSIONID=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string reasonCode)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await MaximoHttp.ReadJsonAsync(response);
        var error = (body["Error"] ?? body["oslc:Error"])!.AsObject();
        Assert.Equal(reasonCode, (error["reasonCode"] ?? error["spi:reasonCode"])!.GetValue<string>());
    }

    [Fact]
    public async Task TheApiKeyIsAcceptedAsHeaderOrQueryParameter()
    {
        using var header = await _http.SendAsync(HttpMethod.Get, "api/whoami");
        using var query = await _http.SendAsync(HttpMethod.Get, "api/whoami", new Dictionary<string, string?> { ["apikey"] = "maximo-offline-demo" }, withKey: false);

        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }

    [Fact]
    public async Task WhoamiNamesTheKeysUserWithDefaultSiteKdfac()
    {
        var me = await _http.GetJsonAsync("api/whoami");

        Assert.Equal("MXINTADM", me.Text("userid"));
        Assert.Equal("KDFAC", me.Text("defsite"));
        Assert.Equal("EAGLENA", me.Text("insertOrg"));
    }

    [Fact]
    public async Task ARequestWithoutCredentialsIs401Bmxaa7901e()
    {
        using var lean = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", new Dictionary<string, string?> { ["lean"] = "1" }, withKey: false);
        using var namespaced = await _http.SendAsync(HttpMethod.Get, "oslc/os/mxapiasset", withKey: false);

        await AssertErrorAsync(lean, HttpStatusCode.Unauthorized, "BMXAA7901E");
        await AssertErrorAsync(namespaced, HttpStatusCode.Unauthorized, "BMXAA7901E");
    }

    [Fact]
    public async Task AWrongApiKeyIs401Bmxaa9549e()
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", withKey: false, configure: r => r.Headers.Add("apikey", "not-a-key"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "BMXAA9549E");
    }

    [Fact]
    public async Task MaxauthLoginGivesASessionCookieThatAuthenticatesLaterRequests()
    {
        var cookie = await LoginAsync(r => r.Headers.Add("maxauth", MaxAuth("maxadmin", "maxadmin")));

        using var response = await _http.SendAsync(HttpMethod.Get, "oslc/whoami", withKey: false, configure: r => r.Headers.Add("Cookie", cookie));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("MAXADMIN", (await MaximoHttp.ReadJsonAsync(response)).Text("userid"));
    }

    [Fact]
    public async Task BasicLoginWorksLikeMaxauth()
    {
        var cookie = await LoginAsync(r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", MaxAuth("MAXADMIN", "maxadmin")));

        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapilocations", new Dictionary<string, string?> { ["count"] = "1" }, withKey: false,
            configure: r => r.Headers.Add("Cookie", cookie));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordIs401Bmxaa0021e()
    {
        using var response = await _http.SendAsync(HttpMethod.Post, "api/login", withKey: false, configure: r => r.Headers.Add("maxauth", MaxAuth("maxadmin", "wrong")));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "BMXAA0021E");
    }

    [Fact]
    public async Task ASessionCookieAlongsideAnApiKeyIsRefusedWithBmxaa0021e()
    {
        using var response = await _http.SendAsync(HttpMethod.Get, "api/os/mxapiasset", configure: r => r.Headers.Add("Cookie", "JSESSIONID=0000abc"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "BMXAA0021E");
    }

    [Fact]
    public async Task TheCookieQuirkCanBeSwitchedOff()
    {
        await using var lenient = await EmulatorServer.StartAsync(new EmulatorOptions { RejectCookieWithApiKey = false });
        using var http = new MaximoHttp(lenient.BaseUrl, lenient.Options.ApiKey);

        using var response = await http.SendAsync(HttpMethod.Get, "api/whoami", configure: r => r.Headers.Add("Cookie", "JSESSIONID=0000abc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ALoggedInUserCreatesOneApiKeyAndASecondIsRefusedWithBmxaa10051e()
    {
        var cookie = await LoginAsync(r => r.Headers.Add("maxauth", MaxAuth("maxadmin", "maxadmin")));

        using var created = await _http.SendAsync(HttpMethod.Post, "api/apitoken/create", withKey: false, body: new { expiration = -1 },
            configure: r => r.Headers.Add("Cookie", cookie));
        using var again = await _http.SendAsync(HttpMethod.Post, "api/apitoken/create", withKey: false, body: new { expiration = -1 },
            configure: r => r.Headers.Add("Cookie", cookie));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var key = (await MaximoHttp.ReadJsonAsync(created)).Text("apikey")!;
        Assert.Matches("^[a-z0-9]{26}$", key);
        await AssertErrorAsync(again, HttpStatusCode.BadRequest, "BMXAA10051E");
        using var whoami = await _http.SendAsync(HttpMethod.Get, "api/whoami", withKey: false, configure: r => r.Headers.Add("apikey", key));
        Assert.Equal("MAXADMIN", (await MaximoHttp.ReadJsonAsync(whoami)).Text("userid"));
    }

    [Fact]
    public async Task AnAdministratorCreatesAUsersKeyThroughMxapiapikeyAndReadsItBack()
    {
        using var created = await _http.SendAsync(HttpMethod.Post, "api/os/mxapiapikey", body: new { expiration = -1, userid = "WILSON" });
        var listed = await _http.QueryAsync("mxapiapikey", ("oslc.where", "userid=\"WILSON\""), ("oslc.select", "*"));
        using var duplicate = await _http.SendAsync(HttpMethod.Post, "api/os/mxapiapikey", body: new { expiration = -1, userid = "wilson" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.Location);
        var key = listed["member"]![0]!.AsObject().Text("apikey")!;
        using var whoami = await _http.SendAsync(HttpMethod.Get, "api/whoami", withKey: false, configure: r => r.Headers.Add("apikey", key));
        Assert.Equal("WILSON", (await MaximoHttp.ReadJsonAsync(whoami)).Text("userid"));
        await AssertErrorAsync(duplicate, HttpStatusCode.BadRequest, "BMXAA10051E");
    }

    [Fact]
    public async Task WritingToADataObjectStructureIsNotAuthorised()
    {
        using var response = await _http.SendAsync(HttpMethod.Post, "api/os/mxapiasset", body: new { assetnum = "X" });

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "BMXAA9301E");
    }
}
