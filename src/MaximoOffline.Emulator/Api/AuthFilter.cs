using MaximoOffline.Emulator.Auth;
using MaximoOffline.Emulator.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Emulator.Api;

// Every Maximo route but login needs a caller; the user id is left in HttpContext.Items.
internal static class AuthFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var outcome = Authenticator.Authenticate(context, context.RequestServices.GetRequiredService<EmulatorState>());
        if (outcome.UserId is null)
        {
            await ErrorBody.WriteAsync(context, 401, outcome.ReasonCode, outcome.Message);
            return Results.Empty;
        }
        context.Items[Authenticator.UserItem] = outcome.UserId;
        return await next(invocation);
    }

    public static string UserOf(HttpContext context) => (string)context.Items[Authenticator.UserItem]!;
}
