using Microsoft.AspNetCore.Identity;

namespace MaximoOffline.Data.Accounts;

/// <summary>
/// A person (or a script) let into the app when <c>Auth:Mode=Local</c>, or the owner of API tokens in
/// any mode. Passwords, lock-out and security stamps are ASP.NET Core Identity's; the role is one of
/// <see cref="Roles"/>.
/// </summary>
public sealed class Account : IdentityUser
{
    public string Role { get; set; } = Roles.Viewer;

    public DateTime CreatedAt { get; set; }
}

/// <summary>What each kind of user may do; each role includes the ones before it.</summary>
public static class Roles
{
    /// <summary>The offline workspace and the read-only API.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Also starts and cancels syncs.</summary>
    public const string Operator = "Operator";

    /// <summary>Also the job dashboard and the connection check (<c>doctor</c>).</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    /// <summary>The role as spelt here, from any casing; null when it is not a role.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The roles that include <paramref name="role"/>'s rights (Operator: Operator and Admin).</summary>
    public static IReadOnlyList<string> AtLeast(string role)
    {
        var index = All.ToList().IndexOf(role);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "not a role");
        }

        return [.. All.Skip(index)];
    }
}
