using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.PlanJobsHarness;

namespace PlacementEngine.Grpc.Tests.Services;

/// <summary>PlanJobs answers INVALID_ARGUMENT naming each bad field by the spec's place in the request.</summary>
public sealed class PlanJobsValidationTests
{
    private readonly PlanJobsHarness _api = new();

    private async Task<RpcException> InvalidAsync(params V1.JobSpec[] specs)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.PlanAsync(MlResearch, specs));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        return ex;
    }

    [Fact]
    public async Task PlanJobs_SeveralInvalidSpecs_NamesEveryBadFieldWithItsSpecIndex()
    {
        var gpus = Spec("bad-gpus");
        gpus.Worker.Gpus = -1;
        var image = Spec("no-image");
        image.Container.Image = "";

        var ex = await InvalidAsync(Spec("ok"), gpus, image);

        Assert.Contains("specs[1].worker.gpus: -1 is out of range", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("specs[2].container.image: image is required", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("specs[0]", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJobs_UnrepresentableDeadline_NamesTheSpecsDeadline()
    {
        var spec = Spec("late");
        spec.Deadline = new Timestamp { Seconds = long.MaxValue };

        var ex = await InvalidAsync(Spec("ok"), spec);

        Assert.StartsWith("specs[1].deadline:", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJobs_NoSpecs_InvalidArgument()
    {
        var ex = await InvalidAsync();

        Assert.StartsWith("specs: at least one job spec is required", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJobs_MoreThanMaxSpecs_InvalidArgumentNamingTheLimit()
    {
        var ex = await InvalidAsync([.. Enumerable.Range(0, PlanOperations.MaxSpecs + 1).Select(i => Spec($"j{i}"))]);

        Assert.StartsWith("specs: 1001 specs are more than the 1000", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJobs_ExactlyMaxSpecs_Planned()
    {
        var response = await _api.PlanAsync(MlResearch, [.. Enumerable.Range(0, PlanOperations.MaxSpecs).Select(i => Spec($"j{i}"))]);

        Assert.Equal(PlanOperations.MaxSpecs, response.Jobs.Count);
        Assert.Equal(5, response.Jobs.Count(j => j.Placed)); // 1 EU node + 4 US nodes
    }
}
