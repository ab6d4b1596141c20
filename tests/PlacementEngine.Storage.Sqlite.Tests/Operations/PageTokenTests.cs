using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Operations;

namespace PlacementEngine.Storage.Sqlite.Tests.Operations;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_EncodedToken_ReturnsSamePositionAndOrder(bool newestFirst)
    {
        var token = new PageToken(new DateTimeOffset(2026, 1, 5, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567), new JobId("0a1b2c3d4e5f6a7b"), newestFirst);

        Assert.Equal(token, PageToken.Decode(token.Encode()));
    }

    [Fact]
    public void Encode_Always_IsUrlSafe()
    {
        var encoded = new PageToken(DateTimeOffset.UnixEpoch, new JobId("j~?>>>"), NewestFirst: true).Encode();

        Assert.DoesNotContain(encoded, c => c is '+' or '/' or '=');
    }

    [Fact]
    public void Decode_Empty_MeansFirstPage()
    {
        Assert.Null(PageToken.Decode(""));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("djJ8MjAyNi0wMS0wNVQwOTowMDowMC4wMDAwMDAwWnxqb2I")]
    [InlineData("djF8eWVzdGVyZGF5fGpvYg")]
    public void Decode_NotIssuedByEncode_Throws(string token)
    {
        Assert.Throws<ArgumentException>(() => PageToken.Decode(token));
    }
}
