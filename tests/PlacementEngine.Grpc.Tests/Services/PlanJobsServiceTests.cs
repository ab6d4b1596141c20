using System.Globalization;
using Grpc.Core;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Services.PlanJobsHarness;

namespace PlacementEngine.Grpc.Tests.Services;

/// <summary>PlanJobs: mapping of the what-if plan to the wire, over the real planner.</summary>
public sealed class PlanJobsServiceTests
{
    private readonly PlanJobsHarness _api = new();

    private static decimal Dollars(string amount) => decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task PlanJobs_TwoSpecs_EachPlacedWithChosenMarkedAmongCandidatesCheapestFirst()
    {
        var response = await _api.PlanAsync(MlResearch, Spec("first"), Spec("second"));

        Assert.Equal("greedy", response.Solver);
        Assert.Equal([(0, "first", true, EuPool), (1, "second", true, UsPool)], response.Jobs.Select(j => (j.Index, j.Name, j.Placed, j.Chosen.Pool)));
        foreach (var job in response.Jobs)
        {
            Assert.Equal("", job.Reason);
            Assert.True(job.Chosen.Chosen);
            Assert.Equal(job.Chosen.Pool, Assert.Single(job.Candidates, c => c.Chosen).Pool);
            Assert.StartsWith($"placed on {job.Chosen.Pool}", job.Summary, StringComparison.Ordinal);
            var totals = job.Candidates.Select(c => Dollars(c.Cost.Total)).ToList();
            Assert.Equal(totals.Order(), totals);
        }
        Assert.Equal(response.Jobs.Sum(j => Dollars(j.Chosen.Cost.Total)), Dollars(response.TotalCost));
    }

    [Fact]
    public async Task PlanJobs_EuSpecAfterEuNodeTaken_PendingWithCapacityReasonAndWhatWouldFit()
    {
        var response = await _api.PlanAsync(MlResearch, Spec("takes-eu"), Spec("eu-only", inEu: true));

        var pending = response.Jobs[1];
        Assert.False(pending.Placed);
        Assert.Null(pending.Chosen);
        Assert.Equal("capacity", pending.Reason);
        Assert.StartsWith("pending (capacity)", pending.Summary, StringComparison.Ordinal);
        Assert.NotEmpty(pending.WhatWouldFit);
        Assert.DoesNotContain(pending.Candidates, c => c.Chosen);
        Assert.Equal("capacity", Assert.Single(pending.Candidates, c => c.Pool == EuPool).Reason);
        var us = Assert.Single(pending.Candidates, c => c.Pool == UsPool);
        Assert.Equal(("residency", false), (us.Reason, us.Eligible));
        Assert.Equal(Dollars(response.Jobs[0].Chosen.Cost.Total), Dollars(response.TotalCost));
    }

    [Fact]
    public async Task PlanJobs_NoTeamInSpecs_PlannedForTheCallersTeam()
    {
        var response = await _api.PlanAsync(Tight, Spec("over-budget"));

        Assert.Equal("budget", Assert.Single(response.Jobs).Reason);
    }

    [Fact]
    public async Task PlanJobs_SubmitterNamesOwnTeam_Planned()
    {
        var spec = Spec("own");
        spec.Team = "ml-research";

        var response = await _api.PlanAsync(MlResearch, spec);

        Assert.True(Assert.Single(response.Jobs).Placed);
    }

    [Fact]
    public async Task PlanJobs_SubmitterNamesAnotherTeam_PermissionDeniedNamingTheSpec()
    {
        var other = Spec("other");
        other.Team = "vision";

        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.PlanAsync(MlResearch, Spec("mine"), other));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.StartsWith("specs[1].team: team ml-research may not plan jobs for team vision", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanJobs_AdminForAnotherTeam_PlannedForThatTeam()
    {
        var spec = Spec("for-tight");
        spec.Team = "tight";

        var response = await _api.PlanAsync(Admin, spec);

        Assert.Equal("budget", Assert.Single(response.Jobs).Reason);
    }

    [Fact]
    public async Task PlanJobs_Anonymous_Unauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.Service.PlanAsync(new V1.PlanJobsRequest { Specs = { Spec("x") } }, ContextFor(null)));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task PlanJobs_StoresNothing()
    {
        await _api.PlanAsync(MlResearch, Spec("a"), Spec("b"));

        Assert.Empty((await _api.Store.ListAsync(new(null, [], 100, ""), default)).Jobs);
        Assert.Empty(await _api.Store.GetUsedNodesAsync(default));
    }
}
