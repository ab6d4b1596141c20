using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PlacementEngine.Grpc.Tests.Support;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Support.PlacementApiHarness;

namespace PlacementEngine.Grpc.Tests.Services;

/// <summary>
/// Every refusal of a deadline, from SubmitJob and PlanJobs: INVALID_ARGUMENT naming the field, with every
/// placeholder filled (the package's own message for an invalid timestamp carried "{0}" and "{1}").
/// </summary>
public sealed partial class DeadlineRefusalTests : IDisposable
{
    private readonly PlacementApiHarness _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string> Deadlines() => new() { "seconds beyond year 9999", "seconds before year 1", "negative nanos", "in 1970", "ten years ahead" };

    private Timestamp DeadlineFor(string scenario) => scenario switch
    {
        "seconds beyond year 9999" => new Timestamp { Seconds = long.MaxValue },
        "seconds before year 1" => new Timestamp { Seconds = -99_999_999_999, Nanos = 2_000_000_000 },
        "negative nanos" => new Timestamp { Seconds = 1_900_000_000, Nanos = -1 },
        "in 1970" => new Timestamp { Seconds = 86_400 },
        "ten years ahead" => Timestamp.FromDateTimeOffset(_api.Time.GetUtcNow().AddYears(10)),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    private V1.JobSpec SpecWith(string scenario)
    {
        var spec = Spec();
        spec.Deadline = DeadlineFor(scenario);
        return spec;
    }

    private static void AssertFilledNamingField(RpcException ex, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith(field, ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(Placeholder(), ex.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Deadlines))]
    public async Task SubmitJob_InvalidDeadline_MessageNamesTheFieldWithPlaceholdersFilled(string scenario)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.SubmitAsync(MlResearch, SpecWith(scenario)));

        AssertFilledNamingField(ex, "spec.deadline: ");
    }

    [Theory]
    [MemberData(nameof(Deadlines))]
    public async Task PlanJobs_InvalidDeadline_MessageNamesTheSpecsFieldWithPlaceholdersFilled(string scenario)
    {
        var request = new V1.PlanJobsRequest { Specs = { Spec("fine"), SpecWith(scenario) } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.JobService.PlanJobs(request, ContextFor(MlResearch)));

        AssertFilledNamingField(ex, "specs[1].deadline: ");
    }

    /// <summary>A composite-format or template placeholder left in: "{0}", "{1:u}", "{field}", or a lone brace.</summary>
    [GeneratedRegex(@"[{}]")]
    private static partial Regex Placeholder();
}
