using PlacementEngine.Cli.Output;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Output;

public sealed class ExplanationViewTests
{
    [Fact]
    public void Build_PlacedJob_ListsCandidatesCheapestFirstWithUnpricedLast()
    {
        var table = CandidateTable(Samples.PlacedExplanation());

        Assert.Equal(["gke-ew4/a100-spot", "gke-ew4/a100-od", "aks-weu/nd96-od", "eks-use1/p4d-spot"], table.Rows.Select(row => row[1]));
    }

    [Fact]
    public void Build_PlacedJob_MarksOnlyTheChosenRow()
    {
        var table = CandidateTable(Samples.PlacedExplanation());

        var marked = Assert.Single(table.Rows, row => row[0] == ExplanationView.ChosenMark);
        Assert.Equal("gke-ew4/a100-spot", marked[1]);
    }

    [Fact]
    public void Build_ChosenGivenOnlyInChosenField_StillMarksTheMatchingRow()
    {
        var explanation = Samples.PlacedExplanation();
        foreach (var candidate in explanation.Candidates)
        {
            candidate.Chosen = false;
        }

        var table = CandidateTable(explanation);

        Assert.Equal("gke-ew4/a100-spot", Assert.Single(table.Rows, row => row[0] == ExplanationView.ChosenMark)[1]);
    }

    [Fact]
    public void Build_PoolNamedAfterItsCluster_NamesTheClusterOnceInOneColumn()
    {
        var explanation = new Explanation { JobId = "job-1", State = JobState.Placed };
        explanation.Candidates.Add(Samples.Candidate("aks-eastus", "aks-eastus/nc24-spot", "9.00", eligible: true, chosen: true));

        var table = CandidateTable(explanation);

        Assert.DoesNotContain("CLUSTER", table.Headers);
        Assert.Equal("aks-eastus/nc24-spot", Assert.Single(table.Rows)[1]);
    }

    [Fact]
    public void Build_RejectedCandidate_ShowsReasonWithDetail()
    {
        var table = CandidateTable(Samples.PlacedExplanation());

        var rejected = Assert.Single(table.Rows, row => row[1] == "eks-use1/p4d-spot");
        Assert.Equal("residency: us-east-1 is in US, job needs EU", rejected[^1]);
    }

    [Fact]
    public void Build_PendingJob_EndsWithPendingReasonsAndWhatWouldFit()
    {
        var explanation = new Explanation { JobId = "job-1", State = JobState.Unschedulable, Summary = "no eligible pool" };
        explanation.PendingReasons.Add("gpu-model: no pool offers H100 in the EU");
        explanation.WhatWouldFit.Add("accept A100-80GB");
        explanation.WhatWouldFit.Add("allow jurisdiction US");

        var text = Plain(ExplanationView.Build(explanation));

        Assert.EndsWith(
            "Pending because:\n  - gpu-model: no pool offers H100 in the EU\n\nWhat would fit:\n  - accept A100-80GB\n  - allow jurisdiction US\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("State:    Unschedulable", text, StringComparison.Ordinal);
    }

    private static TableBlock CandidateTable(Explanation explanation) =>
        Assert.Single(ExplanationView.Build(explanation).OfType<TableBlock>());

    private static string Plain(IReadOnlyList<Block> blocks)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new PlainRenderer().Render(blocks, writer);
        return writer.ToString();
    }
}
