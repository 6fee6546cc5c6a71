using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MaximoOffline.Emulator.Json;

// Maximo's error body: {"Error": {...}} lean, {"oslc:Error": {...}} namespaced; statusCode is a string.
internal static class ErrorBody
{
    public static async Task WriteAsync(HttpContext context, int status, string reasonCode, string message, bool? lean = null)
    {
        var isLean = lean ?? context.Request.Query["lean"] == "1";
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var w = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (w.ConfigureAwait(false))
        {
            w.WriteStartObject();
            w.WriteStartObject(isLean ? "Error" : "oslc:Error");
            w.WriteString(isLean ? "message" : "oslc:message", message);
            w.WriteString(isLean ? "reasonCode" : "spi:reasonCode", reasonCode);
            w.WriteString(isLean ? "statusCode" : "oslc:statusCode", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartObject(isLean ? "extendedError" : "oslc:extendedError");
            w.WriteStartObject(isLean ? "moreInfo" : "oslc:moreInfo");
            w.WriteString(isLean ? "href" : "rdf:resource", $"{context.Request.Scheme}://{context.Request.Host}/maximo/api/error/messages/{reasonCode}");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }
}
