using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>A what-if plan to placement.v1.PlanJobsResponse; candidates exactly as ExplainJob shows them.</summary>
internal static class PlanMapping
{
    public static V1.PlanJobsResponse ToProto(this WhatIfPlan plan) => new()
    {
        Jobs = { plan.Jobs.Select(ToProto) },
        Solver = plan.Solver,
        TotalCost = plan.TotalCost.ToString(),
    };

    public static V1.PlannedJob ToProto(this PlannedJob job)
    {
        var proto = new V1.PlannedJob
        {
            Index = job.Index,
            Name = job.Spec.Name,
            Placed = job.Placed,
            Candidates = { job.Explanation.CandidatesToProto() },
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
