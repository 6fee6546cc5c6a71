using System.Text;
using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Tests;

// Rest ids are built in one buffer now; they must stay "_" + base64url(key values joined by "/")
// with padding written as "-", and decode back.
public sealed class RestIdTests
{
    [Theory]
    [InlineData("KD10007", "KDFAC")]
    [InlineData("ET")]
    [InlineData("")]
    [InlineData("Ñandú 東京", "a/b", "+=?")]
    public void RestIdsAreBase64UrlOfTheJoinedKey(params string[] values)
    {
        var expected = "_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('/', values))).Replace('+', '-').Replace('/', '_').Replace('=', '-');

        Assert.Equal(expected, RestId.Encode(values));
    }

    [Fact]
    public void LongKeysAreEncodedToo()
    {
        var values = new[] { new string('x', 500), "SITE" };
        var expected = "_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('/', values))).Replace('+', '-').Replace('/', '_').Replace('=', '-');

        Assert.Equal(expected, RestId.Encode(values));
        Assert.Contains(RestId.Decode(expected), v => v.SequenceEqual(values));
    }
}
