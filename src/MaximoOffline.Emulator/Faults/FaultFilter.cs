using MaximoOffline.Emulator.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MaximoOffline.Emulator.Faults;

// Runs in front of every Maximo route, before authentication, as a gateway or an ailing server
// would: delays, error statuses, an HTML login page, or a damaged body.
internal static class FaultFilter
{
    private const string LoginPage =
        "<!DOCTYPE html><html><head><title>Maximo - Sign in</title></head><body><form method=\"post\" action=\"/maximo/j_security_check\">" +
        "<h1>Sign in to Maximo</h1><input name=\"j_username\"/><input type=\"password\" name=\"j_password\"/><button>Sign in</button></form></body></html>";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var state = context.RequestServices.GetRequiredService<EmulatorState>();
        var plan = state.Faults.Decide(context.Request.Path.Value ?? "", Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""));
        if (plan.Hold is { } hold)
        {
            await hold.WaitAsync(context.RequestAborted);
        }
        if (plan.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(plan.DelayMs), state.Time, context.RequestAborted);
        }
        if (plan.Response is { Kind: "html" })
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(LoginPage, context.RequestAborted);
            return Results.Empty;
        }
        if (plan.Response is { Kind: "status" } status)
        {
            await WriteStatusAsync(context, status);
            return Results.Empty;
        }
        if (plan.Body is { } body)
        {
            var allowed = body.AfterBytes ?? 512;
            context.Response.Body = new FaultyStream(context.Response.Body, allowed, body.Kind == "drop" ? context.Abort : null);
            var result = await next(invocation);
            // The replaced body's pipe only reaches the stream when flushed.
            await context.Response.BodyWriter.FlushAsync(CancellationToken.None);
            return result;
        }
        return await next(invocation);
    }

    private static async Task WriteStatusAsync(HttpContext context, FaultSpec fault)
    {
        var code = fault.Status ?? 503;
        if (fault.RetryAfter is not null || code is 429 or 503)
        {
            context.Response.Headers.RetryAfter = (fault.RetryAfter ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (code >= 500 && code != 503)
        {
            await ErrorBody.WriteAsync(context, code, "BMXAA6713E", "BMXAA6713E - The MBO fetch operation failed in the mboset with the SQL error code -4470.");
            return;
        }
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"<html><body><h1>{code}</h1><p>The gateway could not serve the request. Try again later.</p></body></html>", context.RequestAborted);
    }
}
