using MaximoOffline.Data.Workspace;

namespace MaximoOffline.Data.Tests;

/// <summary>Whatever is typed into a search box is words to find, never FTS5 syntax: an answer or a clear refusal, never an error.</summary>
public sealed class HostileSearchTests(WorkspaceRows rows) : IClassFixture<WorkspaceRows>
{
    private WorkspaceSearch Search => new(rows.Replica.Database);

    [Theory]
    [InlineData("\"pump")]
    [InlineData("pump\"\"")]
    [InlineData("NEAR(pump 1)")]
    [InlineData("description:pump")]
    [InlineData("{assetnum description}: A01")]
    [InlineData("pump OR 1")]
    [InlineData("pump AND NOT 1")]
    [InlineData("^pump")]
    [InlineData("-pump")]
    [InlineData("pump*")]
    [InlineData("pu*mp")]
    [InlineData("'; DROP TABLE asset; --")]
    [InlineData("pump\u0000")]
    [InlineData("🔧 pump")]
    public void SyntaxCharactersAreSeparatorsAndKeywordsAreWords(string q)
    {
        var result = Search.Search(q);

        Assert.DoesNotContain(result.Terms, t => t.Any(c => !char.IsLetterOrDigit(c)));
        Assert.All(result.Groups, g => Assert.NotEmpty(g.Hits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("* : ^ ( ) - + \" '")]
    public void NothingSearchableFindsNothing(string q) => Assert.Empty(Search.Search(q).Groups);

    [Fact]
    public void ATenKilobyteSearchIsRefusedWithItsLength()
    {
        var error = Assert.Throws<WorkspaceRequestException>(() => Search.Search(new string('a', 10 * 1024)));

        Assert.Equal(WorkspaceProblem.BadParameter, error.Problem);
        Assert.Contains("10,240 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyWordsAndAnUnknownKindOrLimitAreRefused()
    {
        Assert.Throws<WorkspaceRequestException>(() => Search.Search("a b c d e f g h i"));
        Assert.Throws<WorkspaceRequestException>(() => Search.Search("pump", kind: "invoices"));
        Assert.Throws<WorkspaceRequestException>(() => Search.Search("pump", limit: 0));
        Assert.Throws<WorkspaceRequestException>(() => Search.Search("pump", limit: 101));
    }

    [Fact]
    public void AKeywordIsFoundAsTheWordItIs()
    {
        rows.Execute("UPDATE asset SET description = 'Pump NEAR the OR gate' WHERE assetuid = 1");

        var hit = Assert.Single(Search.Search("near or", "assets").Groups.Single().Hits);

        Assert.Equal(1L, hit.Id);
        Assert.Contains(new TextSpan("NEAR", true), hit.Description);
    }
}
