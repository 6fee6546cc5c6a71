using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Web.Tests;

/// <summary>
/// The web app with <c>Auth:Mode=Local</c> and one account per role (added as the command line adds
/// them: Identity hashes the passwords). <see cref="WebAppFixture.Http"/> carries an Admin's API
/// token, so the fixture's helpers keep working; tests sign in as whom they need.
/// </summary>
public sealed partial class LocalAuthFixture : WebAppFixture
{
    public const string Password = "a long enough passphrase";

    public const int MaxFailedSignIns = 3;

    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["viola"] = Roles.Viewer, ["otto"] = Roles.Operator, ["ada"] = Roles.Admin,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Mode", "Local");
        builder.UseSetting("Auth:MaxFailedSignIns", MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (name, role) in Users)
        {
            await AddUserAsync(name, role, Password);
        }

        await AddUserAsync("fixture", Roles.Admin, password: null);
        var (_, secret) = await CreateTokenAsync("fixture", TimeSpan.FromDays(1));
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
    }

    public async Task AddUserAsync(string name, string role, string? password)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountAdmin>().AddAsync(name, role, password);
    }

    public Task<(ApiToken Token, string Secret)> CreateTokenAsync(string user, TimeSpan lifetime) =>
        Services.GetRequiredService<ApiTokens>().CreateAsync(user, "test", lifetime);

    /// <summary>A client that sends nothing but what a browser with no session would.</summary>
    public HttpClient Anonymous(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseUrl };

    /// <summary>Signs in through the sign-in page as a person would (its anti-forgery token included); the client keeps the session cookie.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string user, string password = Password)
    {
        var cookies = new CookieContainer();
        var client = Anonymous(cookies);
        using var response = await PostSignInAsync(client, user, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (client, cookies);
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string user, string password)
    {
        var page = await client.GetStringAsync("login");
        var token = TokenField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["password"] = password, ["returnUrl"] = "/sync", ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync("login", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
