using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace MaximoOffline.Cli.Tests;

/// <summary>
/// <c>users</c> and <c>tokens</c>, tried as an admin setting up a team server would: accounts with
/// roles and Identity-hashed passwords, tokens shown once and kept only as a hash, clear refusals.
/// Each test works on a replica file of its own.
/// </summary>
public sealed partial class UsersAndTokensTests(CliFixture emulator) : IClassFixture<CliFixture>
{
    private const string Password = "correct horse battery staple";

    private readonly string _db = Path.Combine(emulator.Folder, $"accounts-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AnAdminAddsUsersWithRolesAndTheirPasswordsAreKeptOnlyAsIdentityHashes()
    {
        var added = await RunAsync(["users", "add", "wilson", "--role", "operator", "--password-stdin"], Password + "\n");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("Added wilson as Operator", added.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, added.Output, StringComparison.Ordinal);

        var hash = (string)Scalar("SELECT PasswordHash FROM account WHERE NormalizedUserName = 'WILSON'")!;
        Assert.DoesNotContain(Password, hash, StringComparison.Ordinal);
        var account = new Account { UserName = "wilson" };
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Account>().VerifyHashedPassword(account, hash, Password));
        Assert.Equal("Operator", Scalar("SELECT role FROM account WHERE NormalizedUserName = 'WILSON'"));

        var role = await RunAsync(["users", "role", "wilson", "Admin"]);
        Assert.True(role.ExitCode == 0, role.ToString());
        var list = await RunAsync(["users", "list"]);
        Assert.Matches(@"wilson\s*│\s*Admin\s*│\s*set\s*│\s*active", list.Stdout);

        var removed = await RunAsync(["users", "remove", "wilson"]);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM account"));
    }

    [Theory]
    [InlineData(new[] { "users", "add", "kim", "--role", "Boss", "--no-password" }, null, "'Boss' is not a role. Roles: Viewer, Operator, Admin")]
    [InlineData(new[] { "users", "add", "kim", "--role", "Viewer", "--password-stdin" }, "short\n", "at least 12 characters")]
    [InlineData(new[] { "users", "add", "kim", "--role", "Viewer" }, "", "No password: pipe it with --password-stdin")]
    [InlineData(new[] { "users", "role", "nobody", "Viewer" }, null, "There is no user 'nobody'")]
    [InlineData(new[] { "tokens", "create", "--user", "nobody" }, null, "There is no user 'nobody'. Add one first")]
    [InlineData(new[] { "tokens", "revoke", "12345" }, null, "There is no valid token 12345")]
    public async Task AMistakeExitsTwoAndSaysWhatToDo(string[] args, string? stdin, string message)
    {
        var result = await RunAsync(args, stdin ?? "");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenIsShownOnceKeptAsAHashListedByItsStartAndRevocable()
    {
        Assert.Equal(0, (await RunAsync(["users", "add", "nightly", "--role", "Viewer", "--no-password"])).ExitCode);

        var created = await RunAsync(["tokens", "create", "--user", "nightly", "--name", "report", "--days", "30"]);

        Assert.True(created.ExitCode == 0, created.ToString());
        var secret = TokenLine().Match(created.Stdout).Groups[1].Value;
        Assert.StartsWith(ApiTokens.Marker, secret, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), Scalar("SELECT hash FROM api_token"));
        Assert.Equal(0L, Scalar($"SELECT COUNT(*) FROM api_token WHERE hash LIKE '%{secret[4..]}%' OR name LIKE '%{secret[4..]}%'"));
        var expires = DateTime.Parse((string)Scalar("SELECT expires_at FROM api_token")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTime.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));

        var listed = await RunAsync(["tokens", "list"]);
        Assert.Contains(secret[..10] + "…", listed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"report\s*│.*│\s*valid", listed.Stdout);

        var id = Scalar("SELECT id FROM api_token")!.ToString()!;
        var revoked = await RunAsync(["tokens", "revoke", id]);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Matches(@"report\s*│.*│\s*revoked", (await RunAsync(["tokens", "list"])).Stdout);
    }

    private Task<ProcessResult> RunAsync(string[] args, string stdin = "") =>
        ProductProcess.RunAsync(ProductProcess.CliDll, emulator.Folder, emulator.Settings(("Sync__DatabasePath", _db)), args, stdin: stdin);

    private object? Scalar(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [GeneratedRegex(@"^(mxo_\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();
}
