namespace MaximoOffline.Web.Security;

internal static class RemoteListening
{
    /// <summary>
    /// The last line of defence for <c>Auth:Mode=None</c>: if the server ends up listening beyond
    /// localhost in a way the settings did not show (an address set in code, a host's defaults), the
    /// app stops at once and says why.
    /// </summary>
    public static void RefuseAnonymousRemoteListening(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<AuthOptions>();
        if (auth.ParsedMode != AuthMode.None || auth.AllowAnonymousRemote)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            var remote = addresses.Where(ListenAddresses.IsRemote).ToList();
            if (remote.Count > 0)
            {
                app.Logger.LogCritical("{Refusal}", AuthSetup.RemoteRefusal(remote));
                Environment.ExitCode = 2;
                app.Lifetime.StopApplication();
            }
        });
    }
}
