using System.Security.Claims;
using MaximoOffline.Data.Accounts;

namespace MaximoOffline.Web.Security;

/// <summary>The name a person or token is shown and audited under.</summary>
public static class Who
{
    public static string Of(ClaimsPrincipal? user) =>
        user?.Identity?.Name ?? user?.FindFirst("sub")?.Value ?? user?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";

    /// <summary>True when <paramref name="user"/> has <paramref name="role"/> or a stronger one.</summary>
    public static bool Can(ClaimsPrincipal user, string role) => Roles.AtLeast(role).Any(user.IsInRole);
}
