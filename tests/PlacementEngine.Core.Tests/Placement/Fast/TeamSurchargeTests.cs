using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class TeamSurchargeTests
{
    private static PreparedProblem Prepare(PlacementProblem problem) =>
        PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));

    /// <summary>The flow's bound as it was (no surcharges) and with every team's surcharge fitted to the flow's prices.</summary>
    internal static (decimal Plain, decimal Fitted) FlowBounds(PreparedProblem prepared)
    {
        var flow = new PlacementFlow(prepared);
        flow.Run();
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 3)).ToArray();
        var evaluator = new BoundEvaluator(prepared, lists);
        var fitted = new CoordinateAscent(prepared).Fitted(flow.Prices, new CandidateTable(prepared, lists));
        return (evaluator.Evaluate(flow.Prices), evaluator.Evaluate(fitted));
    }

    [Fact]
    public void Fitted_TeamBudgetForOneJobOfThree_CountsThePendingPenaltiesTheFlowMisses()
    {
        // Room for all three jobs but money for about one and a half: the flow, blind to budgets, bounds by three
        // placed costs; with the team's surcharge the bound must count more than one pending penalty (important jobs,
        // so that a penalty is ten times a job's cost).
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 5);
        var jobs = Enumerable.Range(0, 3)
            .Select(i => new PendingJob(new JobId($"j{i}"), JobSpecs.Gpu($"j{i}", 8).Team("t").Priority(9).Obj(), new HashSet<string>(), 1)).ToList();
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money> { ["t"] = Money.Of(60m) }, new Dictionary<(string, string), int>());
        var prepared = Prepare(problem);
        var optimum = BruteForce.Optimum(problem, prepared.Objective);

        var (plain, fitted) = FlowBounds(prepared);

        Assert.True(plain < prepared.Penalty[0], $"the flow's bound {plain} already counts a penalty");
        Assert.InRange(fitted, plain + prepared.Penalty[0], optimum.Dollars);
    }
}
