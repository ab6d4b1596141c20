using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement;

/// <summary>The chosen pool and the best few others: runners-up before rejected pools, shown cheapest first.</summary>
public sealed class CandidateShortlistTests
{
    private const string Chosen = "c/p4d.24xlarge/spot";

    /// <summary>An A100 job against two cheaper pools without A100s and four A100 pools.</summary>
    private static List<Candidate> Candidates(int eligibleOthers)
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("g4dn.xlarge", "T4", 1, CapacityType.Spot, 0.2m, 4)
            .Pool("p5.48xlarge", "H100", 8, CapacityType.Spot, 0.5m, 4)
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.Spot, 1m, 4);
        if (eligibleOthers >= 1)
        {
            fleets.Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 3m, 4);
        }
        if (eligibleOthers >= 3)
        {
            fleets.Cluster("d", "aws:us-west-2")
                .Pool("p4d.24xlarge", "A100", 8, CapacityType.Spot, 2m, 4)
                .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 4m, 4)
                .Pool("p4de.24xlarge", "A100", 8, CapacityType.OnDemand, 9m, 4);
        }
        var job = new PendingJob(new JobId("j"), JobSpecs.Gpu("j", 1, "A100").Hours(1).Obj(), new HashSet<string>(), 1);
        var problem = new PlacementProblem([job], fleets.Fleet(), fleets.Prices(),
            new Dictionary<string, int>(), new Dictionary<string, Money>(), new Dictionary<(string, string), int>());
        return [.. problem.CandidatesFor(job)];
    }

    [Fact]
    public void Best_MoreEligibleOthersThanShown_ChosenAndTheCheapestRunnersUpCheapestFirst()
    {
        var shown = CandidateShortlist.Best(Candidates(eligibleOthers: 4), Chosen);

        Assert.Equal([Chosen, "d/p4d.24xlarge/spot", "c/p4d.24xlarge/on-demand", "d/p4d.24xlarge/on-demand"], shown.Select(c => c.Pool.Name));
    }

    [Fact]
    public void Best_OneEligibleOther_FilledWithTheCheapestRejectedPools()
    {
        var shown = CandidateShortlist.Best(Candidates(eligibleOthers: 1), Chosen);

        Assert.Equal(["c/g4dn.xlarge/spot", "c/p5.48xlarge/spot", Chosen, "c/p4d.24xlarge/on-demand"], shown.Select(c => c.Pool.Name));
        Assert.Equal([RejectReason.GpuModel, RejectReason.GpuModel, null, null], shown.Select(c => c.Rejection));
    }

    [Fact]
    public void Best_NothingChosen_TheBestFewOthersOnly()
    {
        var shown = CandidateShortlist.Best(Candidates(eligibleOthers: 4), chosenPool: null, others: 2);

        Assert.Equal([Chosen, "d/p4d.24xlarge/spot"], shown.Select(c => c.Pool.Name));
    }

    [Fact]
    public void Best_NoMoreCandidatesThanAsked_EveryCandidateCheapestFirst()
    {
        var all = Candidates(eligibleOthers: 0);

        var shown = CandidateShortlist.Best(all, Chosen);

        Assert.Equal(CandidateShortlist.CheapestFirst(all), shown);
        Assert.Equal(3, shown.Count);
    }
}
