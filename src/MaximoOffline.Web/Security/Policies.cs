using MaximoOffline.Data.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace MaximoOffline.Web.Security;

/// <summary>
/// The three authorization policies every route declares one of (or <c>AllowAnonymous</c>): what a
/// Viewer, an Operator or an Admin may do. Each role includes the rights of the ones before it.
/// </summary>
public static class Policies
{
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";
    public const string Admin = "Admin";

    public static AuthorizationPolicy For(string role) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.AtLeast(role)).Build();

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Roles.All)
        {
            options.AddPolicy(role, For(role));
        }

        // A route that forgot to declare a policy still needs a Viewer (a test also fails on it).
        options.FallbackPolicy = For(Viewer);
    }
}
