using MaximoOffline.Data.Accounts;

namespace MaximoOffline.Web.Security;

/// <summary>How people sign in: nobody (one user on this machine), local accounts, or the organisation's identity provider.</summary>
public enum AuthMode
{
    None,
    Local,
    Oidc,
}

/// <summary>The <c>Auth</c> settings section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary><c>None</c> (default: no sign-in; only on localhost), <c>Local</c> or <c>Oidc</c>.</summary>
    public string Mode { get; set; } = nameof(AuthMode.None);

    /// <summary>Listen beyond localhost with <c>Mode=None</c>: anyone who reaches the app is an Admin. Only on a network you trust.</summary>
    public bool AllowAnonymousRemote { get; set; }

    /// <summary>Failed sign-ins in a row before a local account is locked out.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a lock-out lasts.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a sign-in lasts without use (sliding).</summary>
    public int SessionHours { get; set; } = 8;

    public OidcSettings Oidc { get; set; } = new();

    public AuthMode ParsedMode => Enum.TryParse<AuthMode>(Mode, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : AuthMode.None;

    /// <summary>What is wrong with these settings, each with what to do; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.TryParse<AuthMode>(Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(Mode, out _))
        {
            problems.Add($"Auth:Mode '{Mode}' is not a mode: use None (no sign-in, this machine only), Local (accounts added with 'maximo-offline users add') or Oidc (your identity provider).");
            return problems;
        }

        if (MaxFailedSignIns is < 1 or > 100)
        {
            problems.Add("Auth:MaxFailedSignIns must be between 1 and 100.");
        }

        if (LockoutMinutes is < 1 or > 1440)
        {
            problems.Add("Auth:LockoutMinutes must be between 1 and 1440.");
        }

        if (SessionHours is < 1 or > 720)
        {
            problems.Add("Auth:SessionHours must be between 1 and 720.");
        }

        if (mode == AuthMode.Oidc)
        {
            problems.AddRange(Oidc.Problems());
        }

        return problems;
    }
}

/// <summary>
/// <c>Auth:Oidc</c>: the organisation's OpenID Connect provider (for MAS sites usually the one MAS
/// uses). A person's role comes from one claim of their ID token, whose values are matched to roles.
/// </summary>
public sealed class OidcSettings
{
    /// <summary>The provider's issuer URL (its discovery document is under it).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for, space separated.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The claim that carries the person's groups or roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim shown as the person's name (and recorded in the run audit).</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>
    /// Values of <see cref="RoleClaim"/> that make a Viewer, comma separated, matched exactly (case
    /// included): name the provider's groups or app roles meant for MaximoOffline, not a generic "admin".
    /// </summary>
    public string ViewerValues { get; set; } = "MaximoOffline.Viewer";

    public string OperatorValues { get; set; } = "MaximoOffline.Operator";

    public string AdminValues { get; set; } = "MaximoOffline.Admin";

    /// <summary>False only for a provider on plain HTTP in a lab; production providers use HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return "Auth:Oidc:Authority must be your identity provider's issuer URL (https://…), the address its /.well-known/openid-configuration is under.";
        }
        else if (authority.Scheme == "http" && RequireHttpsMetadata)
        {
            yield return $"Auth:Oidc:Authority {Authority} is plain HTTP: use the provider's https:// address (or, in a lab only, set Auth:Oidc:RequireHttpsMetadata=false).";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Auth:Oidc:ClientId is missing: register MaximoOffline as a client with your identity provider (redirect URI https://HOST/signin-oidc) and set its id.";
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            yield return "Auth:Oidc:RoleClaim is empty: name the ID token claim that carries people's groups or roles (for example roles or groups).";
        }
    }

    /// <summary>The strongest role that <paramref name="values"/> of the role claim give; null for none.</summary>
    public string? RoleFor(IEnumerable<string> values)
    {
        var given = values.ToHashSet(StringComparer.Ordinal);
        foreach (var (role, configured) in new[] { (Roles.Admin, AdminValues), (Roles.Operator, OperatorValues), (Roles.Viewer, ViewerValues) })
        {
            var accepted = (configured ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (accepted.Any(given.Contains))
            {
                return role;
            }
        }

        return null;
    }
}
