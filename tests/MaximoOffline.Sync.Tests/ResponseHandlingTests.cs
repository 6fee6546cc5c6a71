using System.Net;
using System.Text.Json;
using MaximoOffline.Sync.Client;

namespace MaximoOffline.Sync.Tests;

public sealed class ResponseHandlingTests
{
    [Fact]
    public void NamespacedBodiesBecomeLean()
    {
        using var document = JsonDocument.Parse("""
            { "rdfs:member": [ { "rdf:about": "http://h/maximo/oslc/os/mxasset/_QQ--", "spi:assetnum": "A1", "spi:assetuid": 5, "_rowstamp": "9",
                                 "prefixes": { "spi": "http://jazz.net/ns/ism/asset/smarter_physical_infrastructure#" },
                                 "spi:doclinks": { "rdfs:member": [ { "wdrs:describedBy": { "dcterms:title": "Manual", "spi:ownertable": "ASSET" } } ] } } ],
              "oslc:responseInfo": { "oslc:totalCount": 1, "oslc:nextPage": { "rdf:resource": "http://h/maximo/oslc/os/mxasset?pageno=2" }, "pagenum": 1 } }
            """);

        Assert.True(LeanJson.IsNamespaced(document.RootElement));
        using var lean = LeanJson.ToLean(document.RootElement);
        var member = lean.RootElement.GetProperty("member")[0];

        Assert.Equal("A1", member.GetProperty("assetnum").GetString());
        Assert.Equal("http://h/maximo/oslc/os/mxasset/_QQ--", member.GetProperty("href").GetString());
        Assert.False(member.TryGetProperty("prefixes", out _));
        Assert.Equal("Manual", member.GetProperty("doclinks").GetProperty("member")[0].GetProperty("describedBy").GetProperty("title").GetString());
        Assert.Equal(1, lean.RootElement.GetProperty("responseInfo").GetProperty("totalCount").GetInt32());
        Assert.Equal("http://h/maximo/oslc/os/mxasset?pageno=2", lean.RootElement.GetProperty("responseInfo").GetProperty("nextPage").GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("""{"Error":{"message":"BMXAA9549E - The API key is invalid.","reasonCode":"BMXAA9549E","statusCode":"401"}}""")]
    [InlineData("""{"oslc:Error":{"oslc:message":"BMXAA9549E - The API key is invalid.","spi:reasonCode":"BMXAA9549E","oslc:statusCode":"401"}}""")]
    public void MaximoErrorBodiesBecomeReasonCodeAndMessage(string body)
    {
        var (reason, message) = MaximoErrors.Parse(body);

        Assert.Equal("BMXAA9549E", reason);
        Assert.Equal("BMXAA9549E - The API key is invalid.", message);
        Assert.StartsWith("Maximo rejected the API key (BMXAA9549E): BMXAA9549E - The API key is invalid.",
            MaximoErrors.Explain(HttpStatusCode.Unauthorized, reason, message, "http://h/maximo/api/os/mxapiasset"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorWithoutABodyStillSaysWhatHappenedAndWhere()
    {
        var text = MaximoErrors.Explain(HttpStatusCode.ServiceUnavailable, null, null, "http://h/maximo/api/os/mxapiasset");

        Assert.Contains("503", text, StringComparison.Ordinal);
        Assert.Contains("http://h/maximo/api/os/mxapiasset", text, StringComparison.Ordinal);
    }
}
