using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>A what-if plan to placement.v1.PlanJobsResponse; candidates exactly as ExplainJob shows them (the best few, or all when asked).</summary>
internal static class PlanMapping
{
    public static V1.PlanJobsResponse ToProto(this WhatIfPlan plan, bool allCandidates) => new()
    {
        Jobs = { plan.Jobs.Select(job => job.ToProto(allCandidates)) },
        Solver = plan.Solver,
        TotalCost = plan.TotalCost.ToString(),
    };

    public static V1.PlannedJob ToProto(this PlannedJob job, bool allCandidates)
    {
        var shown = job.Explanation.Shown(allCandidates);
        var proto = new V1.PlannedJob
        {
            Index = job.Index,
            Name = job.Spec.Name,
            Placed = job.Placed,
            Candidates = { job.Explanation.CandidatesToProto(shown) },
            CandidatesOmitted = job.Explanation.Candidates.Count - shown.Count,
            Summary = job.Explanation.Summary,
            WhatWouldFit = { job.Explanation.WhatWouldFit },
            Reason = job.PendingReason?.ToWire() ?? "",
        };
        if (job.Chosen is { } chosen)
        {
            proto.Chosen = chosen.ToProto(isChosen: true);
        }
        return proto;
    }
}
