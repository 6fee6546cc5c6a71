using MaximoOffline.Data.Accounts;
using MaximoOffline.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MaximoOffline.Web.Pages.Account;

/// <summary>
/// <c>/login</c>: a local account's name and password (<c>Auth:Mode=Local</c>), or the way to the
/// identity provider (<c>Oidc</c>). Failed sign-ins are logged with the name and address, never the
/// password; repeated failures lock the account out for a while.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthSetup.SignInLimit)]
public sealed class LoginModel(AuthOptions auth, IServiceProvider services, ILogger<LoginModel> log) : PageModel
{
    public bool Oidc => auth.ParsedMode == AuthMode.Oidc;

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public new string? User { get; set; }

    public IActionResult OnGet(string? failed, bool go = false)
    {
        switch (auth.ParsedMode)
        {
            case AuthMode.None:
                return LocalRedirect(SafeReturnUrl());
            case AuthMode.Oidc when failed is null && go:
                return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, AuthSetup.OidcScheme);
            case AuthMode.Oidc when failed is null:
                // Arriving from a page that needs sign-in: straight on to the identity provider.
                return ReturnUrl is null ? Page() : Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, AuthSetup.OidcScheme);
            default:
                Error = failed is null ? null : $"The identity provider did not sign you in: {failed}";
                return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(string? password)
    {
        if (auth.ParsedMode != AuthMode.Local)
        {
            return NotFound();
        }

        var signIn = services.GetRequiredService<SignInManager<MaximoOffline.Data.Accounts.Account>>();
        var name = User?.Trim() ?? "";
        // An account without a password (a script's, for API tokens) cannot sign in; failing for it counts nothing.
        var account = name.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(name);
        var result = account?.PasswordHash is null || string.IsNullOrEmpty(password)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("{User} signed in from {Address}", name, HttpContext.Connection.RemoteIpAddress);
            return LocalRedirect(SafeReturnUrl());
        }

        // The password is never logged, not even in part.
        log.LogWarning("Failed sign-in for {User} from {Address}{LockedOut}", name, HttpContext.Connection.RemoteIpAddress,
            result.IsLockedOut ? " (locked out)" : "");
        Error = result.IsLockedOut
            ? $"This account is locked after {auth.MaxFailedSignIns} failed sign-ins in a row. Try again in {auth.LockoutMinutes} minutes, or ask an admin to run 'maximo-offline users unlock {name}'."
            : "Wrong user name or password.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/sync";
}
