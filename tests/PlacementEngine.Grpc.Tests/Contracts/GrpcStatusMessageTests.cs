using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Tests.Contracts;

public sealed class GrpcStatusMessageTests
{
    [Theory]
    [InlineData("job not found", "job not found")]
    [InlineData("100%", "100%25")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("~ is printable", "~ is printable")]
    public void Encode_Text_EscapesOnlyBytesOutsidePrintableAsciiAndPercent(string text, string expected) =>
        Assert.Equal(expected, GrpcStatusMessage.Encode(text));

    [Theory]
    [InlineData("spec.worker.gpus: -1 is out of range")]
    [InlineData("job 'ünïcödé' not found: 日本語 ✓ 100% 🚀")]
    [InlineData("%41 looks like an escape but is text")]
    [InlineData("")]
    public void Decode_OfEncode_RoundTrips(string text) =>
        Assert.Equal(text, GrpcStatusMessage.Decode(GrpcStatusMessage.Encode(text)));

    [Fact]
    public void Encode_NonAscii_ProducesOnlyPrintableAscii()
    {
        var encoded = GrpcStatusMessage.Encode("Zürich → 東京 🚀");

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz", "%zz")]
    [InlineData("%4", "%4")]
    [InlineData("a%2", "a%2")]
    [InlineData("%c3%bc lower-case hex", "ü lower-case hex")]
    [InlineData("raw ü from a lax peer", "raw ü from a lax peer")]
    public void Decode_MalformedOrLaxInput_KeepsTheTextInsteadOfFailing(string encoded, string expected) =>
        Assert.Equal(expected, GrpcStatusMessage.Decode(encoded));

    [Fact]
    public void Decode_Null_IsEmpty() => Assert.Equal("", GrpcStatusMessage.Decode(null));
}
