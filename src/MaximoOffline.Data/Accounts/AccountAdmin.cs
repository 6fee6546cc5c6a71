using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MaximoOffline.Data.Accounts;

/// <summary>Adding, listing, changing and removing accounts (the command line's <c>users</c>).</summary>
public sealed class AccountAdmin(UserManager<Account> users, TimeProvider time)
{
    /// <summary>Adds an account; a null password makes one that cannot sign in (a script's, for API tokens).</summary>
    /// <exception cref="AccountException">A bad name, role or password, or a name already taken.</exception>
    public async Task<Account> AddAsync(string name, string role, string? password)
    {
        var account = new Account
        {
            UserName = name.Trim(),
            Role = Roles.Parse(role) ?? throw BadRole(role),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Check(password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password), name);
        return account;
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default) =>
        await users.Users.OrderBy(a => a.NormalizedUserName).ToListAsync(cancellationToken);

    public async Task SetRoleAsync(string name, string role)
    {
        var account = await FindAsync(name);
        account.Role = Roles.Parse(role) ?? throw BadRole(role);
        Check(await users.UpdateAsync(account), name);
        // Signed-in sessions pick the new role up when their cookie is next validated.
        Check(await users.UpdateSecurityStampAsync(account), name);
    }

    public async Task SetPasswordAsync(string name, string password)
    {
        var account = await FindAsync(name);
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, account, password), name);
        }

        if (await users.HasPasswordAsync(account))
        {
            Check(await users.RemovePasswordAsync(account), name);
        }

        Check(await users.AddPasswordAsync(account, password), name);
    }

    /// <summary>Ends a lock-out after failed sign-ins, and forgets the failures.</summary>
    public async Task UnlockAsync(string name)
    {
        var account = await FindAsync(name);
        Check(await users.SetLockoutEndDateAsync(account, null), name);
        Check(await users.ResetAccessFailedCountAsync(account), name);
    }

    /// <summary>Removes an account and its API tokens.</summary>
    public async Task RemoveAsync(string name) => Check(await users.DeleteAsync(await FindAsync(name)), name);

    private async Task<Account> FindAsync(string name) =>
        await users.FindByNameAsync(name.Trim()) ?? throw new AccountException($"There is no user '{name}'. See who there is: maximo-offline users list");

    private static AccountException BadRole(string role) =>
        new($"'{role}' is not a role. Roles: {string.Join(", ", Roles.All)} (each includes the rights of the ones before it).");

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"User '{name}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
