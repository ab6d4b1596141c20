using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class ProblemObjectiveTests
{
    [Property(MaxTest = 100)]
    public Property For_RandomInstances_EqualsTheDefinitionOverEveryCandidate() =>
        RandomProblems.ForAll(RandomProblems.Default(), problem =>
            Assert.Equal(ProblemObjective.ByEvaluatingEveryCandidate(problem).PenaltyUnit, ProblemObjective.For(problem).PenaltyUnit));

    [Fact]
    public void For_DearestCandidateReadsFarData_CountsItsEgress()
    {
        var fleets = Fleets.Make()
            .Cluster("near", "aws:us-east-1").Pool("c-16", null, 0, CapacityType.OnDemand, 10m, 4)
            .Cluster("far", "gcp:europe-west4").Pool("c-16", null, 0, CapacityType.OnDemand, 1m, 4);
        var job = new PendingJob(new JobId("j"), JobSpecs.Cpu("etl", 4).Data("aws:us-east-1", 1000m).Obj(), new HashSet<string>(), 1);
        var problem = new PlacementProblem([job], fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money>(), new Dictionary<(string, string), int>());

        // far: $1 x 2 h + 1000 GB x $0.09 = $92, dearer than near's $20 of compute: unit = ceil(92) + 1.
        Assert.Equal(Money.Of(93m), ProblemObjective.For(problem).PenaltyUnit);
        Assert.Equal(ProblemObjective.ByEvaluatingEveryCandidate(problem).PenaltyUnit, ProblemObjective.For(problem).PenaltyUnit);
    }

    [Fact]
    public void For_NoEligibleCandidate_UsesAUnitOfOneDollar()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("c-16", null, 0, CapacityType.OnDemand, 1m, 4);
        var job = new PendingJob(new JobId("j"), JobSpecs.Gpu("train", 8).Obj(), new HashSet<string>(), 1);
        var problem = new PlacementProblem([job], fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money>(), new Dictionary<(string, string), int>());

        Assert.Equal(Money.Of(1m), ProblemObjective.For(problem).PenaltyUnit);
    }
}
