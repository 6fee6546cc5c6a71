using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace MaximoOffline.Data.Accounts;

/// <summary>
/// Personal API tokens: created for an account (the token is returned once and only its hash kept),
/// listed, revoked, and checked when a script presents one.
/// </summary>
public sealed class ApiTokens(IDbContextFactory<MaximoDbContext> contexts, TimeProvider time)
{
    /// <summary>What every token starts with, so that a leaked one is recognisable (secret scanners, logs).</summary>
    public const string Marker = "mxo_";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>Creates a token for <paramref name="userName"/>; the plain token is in the answer and nowhere else.</summary>
    /// <exception cref="AccountException">No such account, or a lifetime out of bounds.</exception>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userName, string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (lifetime < TimeSpan.FromDays(1) || lifetime > MaxLifetime)
        {
            throw new AccountException($"A token's lifetime must be between a day and {MaxLifetime.TotalDays:N0} days.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await FindAccountAsync(db, userName, cancellationToken)
                      ?? throw new AccountException($"There is no user '{userName}'. Add one first: maximo-offline users add {userName} --role Viewer");
        var secret = Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            AccountId = account.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim(),
            Hash = HashOf(secret),
            Prefix = secret[..10],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The tokens of one user, or of everyone, newest first, with their owners' names.</summary>
    public async Task<IReadOnlyList<(ApiToken Token, string UserName)>> ListAsync(string? userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = userName?.Trim().ToUpperInvariant();
        var rows = await db.ApiTokens
            .Join(db.Users, t => t.AccountId, a => a.Id, (t, a) => new { Token = t, a.UserName, a.NormalizedUserName })
            .Where(r => normalized == null || r.NormalizedUserName == normalized)
            .OrderByDescending(r => r.Token.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Token, r.UserName ?? ""))];
    }

    /// <summary>Revokes a token; false when there is no such token or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ApiTokens.Where(t => t.Id == id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken) == 1;
    }

    /// <summary>How often a token's last use is written: often enough to tell a used token from a forgotten one.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The account a presented token acts as, or why it is refused (unknown, revoked, expired). A
    /// password lock-out does not stop tokens: anyone can fail sign-ins on purpose, and that must not
    /// stop a script. A token that is let in has its last use recorded (to <see cref="LastUseResolution"/>).
    /// </summary>
    public async Task<TokenCheck> CheckAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(Marker, StringComparison.Ordinal) || presented.Length > 100)
        {
            return TokenCheck.Refused("not a MaximoOffline API token");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = HashOf(presented);
        var found = await db.ApiTokens.Where(t => t.Hash == hash)
            .Join(db.Users, t => t.AccountId, a => a.Id, (t, a) => new { Token = t, Account = a })
            .SingleOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var refusal = found switch
        {
            null => "unknown token",
            { Token.RevokedAt: not null } => "the token was revoked",
            _ when found.Token.ExpiresAt <= now => "the token has expired",
            _ => null,
        };
        if (refusal is not null)
        {
            return TokenCheck.Refused(refusal);
        }

        if (found!.Token.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            try
            {
                await db.ApiTokens.Where(t => t.Id == found.Token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // A busy replica (a sync writing: SQLite's lock, PostgreSQL's row lock timing out) must not turn a
                // valid token away. The last use is a hint for the token's owner, written at the next use.
            }
        }

        return new TokenCheck(found.Account, null);
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static Task<Account?> FindAccountAsync(MaximoDbContext db, string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        return db.Users.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
    }
}

/// <summary>A presented token's account, or the reason it is refused.</summary>
public sealed record TokenCheck(Account? Account, string? Refusal)
{
    public static TokenCheck Refused(string why) => new(null, why);
}

/// <summary>An account or token request that cannot be carried out; the message says why and what to do.</summary>
public sealed class AccountException : Exception
{
    public AccountException() { }

    public AccountException(string message) : base(message) { }

    public AccountException(string message, Exception inner) : base(message, inner) { }
}
