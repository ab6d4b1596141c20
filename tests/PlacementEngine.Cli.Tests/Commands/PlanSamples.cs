using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

/// <summary>PlanJobs answers for the plan command tests: one job per spec, the first placed, the rest pending.</summary>
internal static class PlanSamples
{
    public static PlanJobsResponse Answer(PlanJobsRequest request)
    {
        var response = new PlanJobsResponse { Solver = "greedy", TotalCost = "23.95" };
        for (var i = 0; i < request.Specs.Count; i++)
        {
            response.Jobs.Add(i == 0 ? Placed(i, request.Specs[i].Name) : Pending(i, request.Specs[i].Name));
        }

        return response;
    }

    public static PlannedJob Placed(int index, string name)
    {
        var chosen = Samples.Candidate("gke-ew4", "a100-spot", "23.95", eligible: true, chosen: true);
        return new PlannedJob
        {
            Index = index,
            Name = name,
            Placed = true,
            Chosen = chosen.Clone(),
            Summary = "placed on a100-spot in europe-west4: expected $23.95; the cheapest pool of all",
            // Deliberately not cheapest first, to show the view orders them itself.
            Candidates =
            {
                Samples.Candidate("aks-weu", "nd96-od", "190.00", eligible: true, chosen: false),
                chosen,
                Samples.Candidate("eks-use1", "p4d-spot", "", eligible: false, chosen: false, reason: "residency", detail: "us-east-1 is in US"),
            },
        };
    }

    public static PlannedJob Pending(int index, string name) => new()
    {
        Index = index,
        Name = name,
        Reason = "capacity",
        Summary = "pending (capacity): gke-ew4/a100-spot has 0 free nodes, job needs 1",
        Candidates = { Samples.Candidate("gke-ew4", "a100-spot", "23.95", eligible: false, chosen: false, reason: "capacity", detail: "0 free nodes") },
        WhatWouldFit = { "wait for 1 free nodes in a100-spot (expected $23.95)" },
    };
}
