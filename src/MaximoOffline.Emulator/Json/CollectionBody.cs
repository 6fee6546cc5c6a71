using System.Text.Json;
using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Generation;
using MaximoOffline.Emulator.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace MaximoOffline.Emulator.Json;

// Streams a collection page straight to the response body: members first, then the collection href
// and responseInfo with paging links that re-use the request's own host and query.
internal static class CollectionBody
{
    // Each flush is a send and a wake-up of the connection; members are written to the pipe as they
    // are generated, so flushing in larger steps only costs the pipe's pooled blocks.
    private const int FlushEveryBytes = 128 * 1024;

    public static async Task WriteAsync(HttpContext context, PageResult page, CollectionQuery query, string collectionHref,
        OsStore store, CancellationToken ct)
    {
        var style = query.Style;
        context.Response.ContentType = "application/json";
        var body = context.Response.BodyWriter;
        var w = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        await using (w.ConfigureAwait(false))
        {
            var selection = query.Select ?? new Selection();
            w.WriteStartObject();
            if (!style.Lean)
            {
                WritePrefixes(w);
            }
            w.WriteStartArray(style.Lean ? Names.Member : Names.RdfsMember);
            var selected = query.Select is { IsEmpty: false };
            if (store.Source is GeneratedSource source)
            {
                // Members go to the body directly, after what the writer holds so far.
                w.Flush();
                var generated = new GeneratedWriter(source, selection, style);
                long unflushed = 0;
                for (var i = 0; i < page.Members.Count; i++)
                {
                    unflushed += generated.CopyMember(page.Members[i], collectionHref, selected, body, separator: i > 0);
                    if (unflushed > FlushEveryBytes)
                    {
                        await body.FlushAsync(ct);
                        unflushed = 0;
                    }
                }
            }
            else
            {
                var records = new RecordWriter(w, style);
                foreach (var member in page.Members)
                {
                    var rec = member.Materialized!;
                    records.WriteMember(rec, $"{collectionHref}/{rec.RestId}", store.ChildNames, selected);
                    if (w.BytesPending > FlushEveryBytes)
                    {
                        w.Flush();
                        await body.FlushAsync(ct);
                    }
                }
            }
            w.WriteEndArray();
            w.WriteString(style.Lean ? Names.Href : Names.About, collectionHref);
            WriteResponseInfo(w, context.Request, page, query);
            w.WriteEndObject();
            w.Flush();
        }
        await body.FlushAsync(ct);
    }

    private static void WriteResponseInfo(Utf8JsonWriter w, HttpRequest request, PageResult page, CollectionQuery query)
    {
        var lean = query.Style.Lean;
        var self = RequestUrl(request, query.Style.RelativeUri, null, null);
        w.WriteStartObject(lean ? "responseInfo" : "oslc:responseInfo");
        w.WriteString(lean ? Names.Href : Names.About, self);
        w.WriteNumber("pagenum", query.PageNo);
        if (query.CollectionCount && page.TotalCount is { } total)
        {
            w.WriteNumber(lean ? "totalCount" : "oslc:totalCount", total);
            w.WriteNumber("totalPages", (total + query.PageSize - 1) / query.PageSize);
        }
        if (page.HasNext)
        {
            WriteLink(w, lean ? "nextPage" : "oslc:nextPage", RequestUrl(request, query.Style.RelativeUri, query.PageNo + 1, page.StableId), lean);
        }
        // Stable paging goes forward only: earlier pages are gone.
        if (query.PageNo > 1 && page.StableId is null)
        {
            WriteLink(w, lean ? "previousPage" : "oslc:previousPage", RequestUrl(request, query.Style.RelativeUri, query.PageNo - 1, null), lean);
        }
        w.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter w, string name, string url, bool lean)
    {
        w.WriteStartObject(name);
        w.WriteString(lean ? "href" : "rdf:resource", url);
        w.WriteEndObject();
    }

    // The request's own URL, optionally with another page number and a stable-paging id.
    public static string RequestUrl(HttpRequest request, bool relative, int? pageNo, string? stableId)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (pageNo is not null && key == "pageno" || stableId is not null && key == "stableId")
            {
                continue;
            }
            foreach (var value in values)
            {
                builder.Add(key, value ?? "");
            }
        }
        if (stableId is not null)
        {
            builder.Add("stableId", stableId);
        }
        if (pageNo is { } n)
        {
            builder.Add("pageno", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var origin = relative ? "" : $"{request.Scheme}://{request.Host}";
        return $"{origin}{request.PathBase}{request.Path}{builder.ToQueryString()}";
    }

    public static string RootHref(HttpRequest request, string root, bool relative) =>
        $"{(relative ? "" : $"{request.Scheme}://{request.Host}")}{request.PathBase}/maximo/{root}";

    private static void WritePrefixes(Utf8JsonWriter w)
    {
        w.WriteStartObject("prefixes");
        w.WriteString("spi", "http://jazz.net/ns/ism/asset/smarter_physical_infrastructure#");
        w.WriteString("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        w.WriteString("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        w.WriteString("oslc", "http://open-services.net/ns/core#");
        w.WriteString("dcterms", "http://purl.org/dc/terms/");
        w.WriteString("wdrs", "http://www.w3.org/2007/05/powder-s#");
        w.WriteEndObject();
    }

    public static async Task WriteMemberAsync(HttpContext context, PageMember member, string href, OsStore store, Selection selection, ResponseStyle style)
    {
        context.Response.ContentType = "application/json";
        var w = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (w.ConfigureAwait(false))
        {
            if (member.Materialized is { } rec)
            {
                new RecordWriter(w, style).WriteMember(rec, href, store.ChildNames, true);
            }
            else
            {
                w.WriteRawValue(new GeneratedWriter((GeneratedSource)store.Source, selection, style).WriteMember(member, href, memberHref: true, true),
                    skipInputValidation: true);
            }
        }
    }

    public static async Task WriteObjectAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var w = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (w.ConfigureAwait(false))
        {
            write(w);
        }
    }
}
