using MaximoOffline.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MaximoOffline.Web.Pages.Account;

/// <summary><c>/logout</c>: ends the session here (a POST with the anti-forgery token, so another site cannot sign people out).</summary>
public sealed class LogoutModel(AuthOptions auth) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (auth.ParsedMode != AuthMode.None)
        {
            await HttpContext.SignOutAsync(AuthSetup.SessionScheme);
        }

        return auth.ParsedMode == AuthMode.None ? LocalRedirect("/sync") : LocalRedirect("/login");
    }
}
