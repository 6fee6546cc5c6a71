using System.Text;
using System.Text.Json;
using MaximoOffline.Sync.Client;

namespace MaximoOffline.Sync.Tests;

/// <summary>Pages are parsed one record at a time over a pooled buffer; what the engine reads of them must not change.</summary>
public sealed class PageParserTests
{
    private static (byte[] Buffer, int Length) Body(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var stream = new MemoryStream(bytes);
        return PageBuffers.ReadAsync(stream, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void ALeanPageGivesItsRecordsInOrderItsCountAndItsNextPage()
    {
        var (buffer, length) = Body("""
            {"member":[{"assetuid":1,"assetmeter":[{"assetmeterid":7}]},{"assetuid":2}],"href":"x",
             "responseInfo":{"totalCount":40,"nextPage":{"href":"http://h/maximo/api/os/mxapiasset?pageno=2"}}}
            """);

        using var page = PageParser.Parse(buffer, length, 99)!;

        Assert.Equal([1L, 2L], page.Members.Select(m => m.GetProperty("assetuid").GetInt64()));
        Assert.Equal(7, page.Members[0].GetProperty("assetmeter")[0].GetProperty("assetmeterid").GetInt64());
        Assert.Equal(40, page.TotalCount);
        Assert.Equal(new Uri("http://h/maximo/api/os/mxapiasset?pageno=2"), page.NextPage);
        Assert.Equal(99, page.MaxRowstamp);
        Assert.True(page.OwnsBuffer);
    }

    [Fact]
    public void ACountAnswerGivesItsCount()
    {
        var (buffer, length) = Body("""{"totalCount": 1234}""");

        using var page = PageParser.Parse(buffer, length, null)!;

        Assert.Empty(page.Members);
        Assert.Equal(1234, page.TotalCount);
    }

    [Fact]
    public void ANamespacedPageIsMadeLeanAndLeavesTheBufferToTheCaller()
    {
        var (buffer, length) = Body("""
            {"rdfs:member":[{"spi:assetuid":5,"rdf:about":"http://h/a/5"}],"oslc:responseInfo":{"oslc:totalCount":1}}
            """);

        using var page = PageParser.Parse(buffer, length, null)!;

        Assert.False(page.OwnsBuffer);
        PageBuffers.Return(buffer);
        Assert.Equal(5, page.Members.Single().GetProperty("assetuid").GetInt64());
    }

    [Fact]
    public void APageCountsAndReadsIdsFromItsBytesAndParsesItsRecordsOnlyWhenTheyAreRead()
    {
        var (buffer, length) = Body("""
            {"member":[{"description":"a \"quoted\" assetuid","children":[{"assetuid":99}],"assetuid":5},{"assetuid":"7"},{"assetuid":9.0}],"responseInfo":{}}
            """);

        using var page = PageParser.Parse(buffer, length, null)!;

        Assert.Equal(3, page.Count);
        // The id at the record's top level, not a child's, and numeric text as a number.
        Assert.True(page.TryReadInteger(0, "assetuid", out var first));
        Assert.Equal(5, first);
        Assert.True(page.TryReadInteger(1, "assetuid", out var second));
        Assert.Equal(7, second);
        // A number written with a fraction is left to the parsed record.
        Assert.False(page.TryReadInteger(2, "assetuid", out _));
        Assert.False(page.TryReadInteger(1, "assetnum", out _));

        Assert.Equal(9.0, page.Members[2].GetProperty("assetuid").GetDouble());
        Assert.Equal(3, page.Count);
        Assert.False(page.TryReadInteger(0, "assetuid", out _));
    }

    [Fact]
    public void ThePoolKeepsAFewIdleBuffersInAllWhateverTheirSizes()
    {
        // Pages of every endpoint differ in size; a pool keeping a few of every size would hold many.
        var buffers = Enumerable.Range(0, 12).Select(i => Body(new string(' ', 70_000 << (i % 6)) + "{}").Buffer).ToList();
        Assert.True(buffers.Select(b => b.Length).Distinct().Count() >= 6);

        buffers.ForEach(PageBuffers.Return);

        Assert.InRange(PageBuffers.IdleCount, 0, 6);
    }

    [Fact]
    public void ACutOffPageIsInvalidJsonAndOwnsNothing()
    {
        var (buffer, length) = Body("""{"member":[{"assetuid":1},{"assetu""");

        Assert.ThrowsAny<JsonException>(() => PageParser.Parse(buffer, length, null));
        PageBuffers.Return(buffer);
    }

    [Fact]
    public void AnAnswerThatIsNotAnObjectIsNoPage()
    {
        var (buffer, length) = Body("[1, 2]");

        Assert.Null(PageParser.Parse(buffer, length, null));
        PageBuffers.Return(buffer);
    }

    [Fact]
    public void ABufferGivenBackTwiceIsRefused()
    {
        var (buffer, _) = Body("{}");
        PageBuffers.Return(buffer);

        Assert.Throws<InvalidOperationException>(() => PageBuffers.Return(buffer));
    }
}
