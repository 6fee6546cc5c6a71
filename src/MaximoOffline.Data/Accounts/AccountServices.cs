using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Data.Accounts;

public static class AccountServices
{
    /// <summary>Passwords: long rather than clever (a passphrase is fine); Identity hashes them.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>
    /// ASP.NET Core Identity over the replica database's <c>account</c> tables, and the API tokens:
    /// what the web app signs people in with and the command line's <c>users</c> and <c>tokens</c> manage.
    /// Needs <see cref="DataExtensions.AddMaximoData"/>.
    /// </summary>
    public static IdentityBuilder AddAccounts(this IServiceCollection services, int maxFailedSignIns = 5, TimeSpan? lockout = null)
    {
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MaximoDbContext>>().CreateDbContext());
        services.AddSingleton<ApiTokens>();
        services.AddScoped<AccountAdmin>();
        return services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = maxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = lockout ?? TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<MaximoDbContext>();
    }
}
