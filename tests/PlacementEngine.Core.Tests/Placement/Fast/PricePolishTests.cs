using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class PricePolishTests
{
    private static (PricePolish Polish, CandidateTable Table, DualPrices Start) Arrange()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("cheap-a100-8", "A100", 8, CapacityType.OnDemand, 10m, 1)
            .Pool("dear-a100-8", "A100", 8, CapacityType.OnDemand, 30m, 1);
        var jobs = Enumerable.Range(0, 3)
            .Select(i => new PendingJob(new JobId($"j{i}"), JobSpecs.Gpu($"j{i}", 8).Hours(1 + i).Obj(), new HashSet<string>(), 1))
            .ToArray();
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money>(), new Dictionary<(string, string), int>());
        var prepared = PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 2)).ToArray();
        var start = new DualPrices(prepared.Index, prepared.LimitedTeams.Length);
        return (new PricePolish(prepared, lists, new ColumnPricing(prepared, lists)), new CandidateTable(prepared, lists), start);
    }

    [Fact]
    public void Run_RoundsWhosePlansNoLongerGain_EndThePolishEarly()
    {
        var (polish, table, start) = Arrange();
        var plans = 0;

        polish.Run(start, ref table, rounds: 6, () => false, (_, _) =>
        {
            plans++;
            return 1_000m;
        });

        // The first round's plan sets the mark; the second gains nothing, so no third round runs.
        Assert.Equal(2, plans);
    }

    [Fact]
    public void Run_RoundsWhosePlansKeepGaining_RunToTheLimit()
    {
        var (polish, table, start) = Arrange();
        var objective = 1_000m;
        var plans = 0;

        polish.Run(start, ref table, rounds: 6, () => false, (_, _) =>
        {
            plans++;
            return objective *= 0.9m;
        });

        Assert.Equal(6, plans);
    }
}
