using System.Text.Encodings.Web;
using MaximoOffline.Data.Workspace;
using MaximoOffline.Web.Pages.Data;

namespace MaximoOffline.Web.Tests;

/// <summary>How the workspace pages write what the replica holds: marks, encoding, values, counts.</summary>
public sealed class WorkspaceHtmlTests
{
    [Fact]
    public void MatchedWordsAreMarkedAndEveryThingElseIsEncoded()
    {
        var spans = new[] { new TextSpan("<b>Pump</b> & \"", false), new TextSpan("Valve<script>", true), new TextSpan(" 1'", false) };
        using var html = new StringWriter();

        DataHtml.Marked(spans).WriteTo(html, HtmlEncoder.Default);

        Assert.Equal("&lt;b&gt;Pump&lt;/b&gt; &amp; &quot;<mark>Valve&lt;script&gt;</mark> 1&#x27;", html.ToString());
    }

    [Fact]
    public void ValuesReadAsAUserReadsThem()
    {
        Assert.Equal("", DataHtml.Text(null));
        Assert.Equal("Yes", DataHtml.Text(true));
        Assert.Equal("2023-08-23 06:13 UTC", DataHtml.Text("2023-08-23T06:13:45Z"));
        Assert.Equal("2016-03-24 19:42 -04:00", DataHtml.Text("2016-03-24T19:42:01-04:00"));
        Assert.Equal("2046.05", DataHtml.Text(2046.05));
        Assert.Equal("1234567", DataHtml.Text(1234567L));
        Assert.Equal("KD-2023-08-23T06:13:45Z", DataHtml.Text("KD-2023-08-23T06:13:45Z"));
    }

    [Fact]
    public void CountsSayTheirNounAndWhenTheyStoppedAtTheirCap()
    {
        Assert.Equal("1 work order", DataHtml.Count(WorkspaceKinds.WorkOrders, 1, exact: true));
        Assert.Equal("1,234 open work orders", DataHtml.Count(WorkspaceKinds.WorkOrders, 1234, exact: true, open: true));
        Assert.Equal("more than 10,000 assets", DataHtml.Count(WorkspaceKinds.Assets, 10_000, exact: false));
        Assert.Equal("2 people", DataHtml.Count(WorkspaceKinds.People, 2, exact: true));
        Assert.Equal("/data/assets?q=pump%20%26%20valve&open=false", DataHtml.Url("/data/assets", [new("q", "pump & valve"), new("site", ""), new("open", "false")]));
    }
}
