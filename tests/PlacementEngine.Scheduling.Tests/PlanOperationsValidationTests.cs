using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class PlanOperationsValidationTests
{
    private static Fleets OnePool() => Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.Spot, 0.16m, 4);

    private static JobSpecDraft Valid(string name) => Drafts.From(JobSpecs.Gpu(name, 1).Obj());

    [Fact]
    public async Task Plan_SeveralInvalidSpecs_ReportsEveryBadFieldNamedBySpecIndex()
    {
        using var harness = new SchedulerHarness(OnePool());
        var drafts = new[] { Valid("ok"), Valid("bad-gpus") with { Gpus = -1 }, Valid("no-image") with { Image = "" } };

        var result = await PlanOperationsSupport.CreateSut(harness).PlanAsync(drafts, "team-a", default);

        Assert.False(result.IsValid);
        Assert.Null(result.Plan);
        Assert.Equal(["specs[1].worker.gpus", "specs[2].container.image"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Plan_DraftWithoutTeam_PlannedForTheGivenTeam()
    {
        using var harness = new SchedulerHarness(OnePool());

        var result = await PlanOperationsSupport.CreateSut(harness).PlanAsync([Valid("t") with { Team = "" }], "vision", default);

        Assert.Equal("vision", Assert.Single(result.Plan!.Jobs).Spec.Team);
    }

    [Fact]
    public async Task Plan_DraftNamingATeam_KeepsIt()
    {
        using var harness = new SchedulerHarness(OnePool());

        var result = await PlanOperationsSupport.CreateSut(harness).PlanAsync([Valid("t") with { Team = "ml-research" }], "vision", default);

        Assert.Equal("ml-research", Assert.Single(result.Plan!.Jobs).Spec.Team);
    }

    [Fact]
    public async Task Plan_NoSpecs_IsInvalid()
    {
        using var harness = new SchedulerHarness(OnePool());

        var result = await PlanOperationsSupport.CreateSut(harness).PlanAsync([], "team-a", default);

        Assert.Equal("specs", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task Plan_MoreThanMaxSpecs_IsInvalidWithoutValidatingEach()
    {
        using var harness = new SchedulerHarness(OnePool());
        var drafts = Enumerable.Repeat(Valid("t") with { Gpus = -1 }, PlanOperations.MaxSpecs + 1).ToList();

        var result = await PlanOperationsSupport.CreateSut(harness).PlanAsync(drafts, "team-a", default);

        var error = Assert.Single(result.Errors);
        Assert.Equal("specs", error.Field);
        Assert.Contains("1001", error.Message, StringComparison.Ordinal);
    }
}
