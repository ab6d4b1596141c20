using Grpc.Core;
using PlacementEngine.Grpc.Services;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Services;

public sealed class AnswerSizeTests
{
    private static V1.Explanation OfBytes(int summaryChars) => new() { JobId = "j", Summary = new string('s', summaryChars) };

    [Fact]
    public void Receivable_AtTheDefaultClientLimit_TheAnswerItself()
    {
        // The id and the summary's tag and length take 8 bytes.
        var answer = OfBytes(AnswerSize.DefaultClientReceiveBytes - 8);
        Assert.Equal(AnswerSize.DefaultClientReceiveBytes, answer.CalculateSize());

        Assert.Same(answer, AnswerSize.Receivable(answer, "unused"));
    }

    [Fact]
    public void Receivable_OneByteOver_ResourceExhaustedWithSizeLimitAndFix()
    {
        var answer = OfBytes(AnswerSize.DefaultClientReceiveBytes);
        var size = answer.CalculateSize();

        var ex = Assert.Throws<RpcException>(() => AnswerSize.Receivable(answer, "leave all_candidates off"));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal($"the answer would be {size} bytes, more than the 4194304 bytes (4 MiB) a default gRPC client receives; leave all_candidates off", ex.Status.Detail);
    }
}
