namespace MaximoOffline.Data.Accounts;

/// <summary>
/// A personal API token for scripts: sent as <c>Authorization: Bearer …</c>, it acts as its account
/// (with the account's role). Only a hash is kept; the token itself is shown once, when created.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary>What the token is for, as its owner named it.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token, hex. Tokens are 256 random bits, so a fast hash is enough.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's first characters, to tell tokens apart in lists without revealing them.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
