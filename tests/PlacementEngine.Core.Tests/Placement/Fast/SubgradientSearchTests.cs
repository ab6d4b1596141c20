using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class SubgradientSearchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(7)]
    public void Step_EveryFifth_LeavesEachSurchargeTheLeastAtWhichItsTeamsSpendFitsTheBudget(int seed)
    {
        var problem = RandomInstances.Problem(seed, clusters: 20, jobs: 300);
        var prepared = PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 12)).ToArray();
        var table = new CandidateTable(prepared, lists);
        var search = new SubgradientSearch(prepared, table, new CoordinateAscent(prepared));
        var upper = (double)prepared.Penalty.Sum();

        for (var step = 0; step < 10; step++)
        {
            search.Step(search.Evaluate(), upper);
        }

        var duals = search.Duals;
        var binding = 0;
        for (var t = 0; t < prepared.LimitedTeams.Length; t++)
        {
            var budget = (double)prepared.Empty.BudgetLeft[t];
            var surcharge = duals.Team[t];
            Assert.True(Spend(prepared, table, duals, t, surcharge) <= budget + 1e-6, $"team {t} overspends at surcharge {surcharge}");
            if (surcharge > 0)
            {
                binding++;
                Assert.True(Spend(prepared, table, duals, t, surcharge / 2) > budget, $"team {t}'s surcharge {surcharge} is higher than its budget needs");
            }
        }
        Assert.True(binding > 0, "no team's budget binds: the instance tests nothing");
    }

    /// <summary>What the team's jobs spend, each on its listed option of least reduced cost at the surcharge (pending when its penalty is less).</summary>
    private static double Spend(PreparedProblem prepared, CandidateTable table, DualPrices duals, int team, double surcharge)
    {
        var spend = 0d;
        for (var j = 0; j < table.Workers.Length; j++)
        {
            if (table.Team[j] != team)
            {
                continue;
            }
            var best = prepared.PenaltyD[j];
            var cost = 0d;
            for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
            {
                var reduced = ((1 + surcharge) * table.Cost[e]) + (table.Workers[j] * duals.PerNode[table.Pool[e]]);
                if (reduced < best)
                {
                    best = reduced;
                    cost = table.Cost[e];
                }
            }
            spend += cost;
        }
        return spend;
    }
}
