using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class PlaceOneTests
{
    [Property(MaxTest = 80)]
    public Property PlaceOne_RandomInstance_TakesTheCheapestCandidateThatFits() =>
        RandomProblems.ForAll(RandomProblems.From(seed => RandomInstances.Problem(seed, clusters: 6, jobs: 20)), TakesTheCheapestCandidateThatFits);

    private static void TakesTheCheapestCandidateThatFits(PlacementProblem problem)
    {
        var index = FleetIndex.Build(problem.Fleet, problem.Prices);
        var ledger = new CapacityLedger(problem);

        foreach (var job in problem.Jobs)
        {
            var expected = problem.CandidatesFor(job).Where(c => c.Eligible).FirstOrDefault(c => ledger.Check(job, c) is null);

            var placed = index.PlaceOne(problem, job);

            Assert.Equal(expected?.Pool.Name, placed.Assignment?.Candidate.Pool.Name);
            Assert.Equal(expected?.Cost, placed.Assignment?.Cost);
            Assert.Equal(expected is null, placed.Unplaced is not null);
        }
    }

    [Fact]
    public void PlaceOne_PoolFullAndBudgetLeft_FallsBackToTheNextCheapestPool()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 30m, 2)
            .Pool("g-h100-8", "H100", 8, CapacityType.OnDemand, 60m, 2);
        var fleet = fleets.Fleet();
        var job = new PendingJob(new JobId("j"), JobSpecs.Gpu("train", 8).Obj(), new HashSet<string>(), 1);
        var problem = new PlacementProblem([job], fleet, fleets.Prices(), new Dictionary<string, int> { ["c/g-a100-8/on-demand"] = 2 },
            new Dictionary<string, Money>(), new Dictionary<(string, string), int>());

        var placed = FleetIndex.Build(fleet, problem.Prices).PlaceOne(problem, job);

        Assert.Equal("c/g-h100-8/on-demand", placed.Assignment?.Candidate.Pool.Name);
    }

    [Fact]
    public void PlaceOne_NothingFits_SaysWhy()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 30m, 2);
        var fleet = fleets.Fleet();
        var job = new PendingJob(new JobId("j"), JobSpecs.Gpu("train", 8).Team("vision").Obj(), new HashSet<string>(), 1);
        var problem = new PlacementProblem([job], fleet, fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money> { ["vision"] = Money.Of(10m) }, new Dictionary<(string, string), int>());

        var placed = FleetIndex.Build(fleet, problem.Prices).PlaceOne(problem, job);

        Assert.False(placed.Placed);
        Assert.Equal(RejectReason.Budget, placed.Unplaced!.Reason);
        Assert.False(placed.Unplaced.NoEligiblePool);
    }
}
