using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>Where one what-if job would go, or why it would wait, and the full explanation either way.</summary>
/// <param name="Index">Position of the job's spec in the request.</param>
/// <param name="Chosen">The pool it would be placed on; null when it would stay pending.</param>
/// <param name="PendingReason">Why it would stay pending; null when placed.</param>
public sealed record PlannedJob(
    int Index,
    JobSpec Spec,
    Candidate? Chosen,
    RejectReason? PendingReason,
    string PendingDetail,
    JobExplanation Explanation)
{
    public bool Placed => Chosen is not null;
}

/// <summary>A what-if plan: the requested jobs only, though they were planned together with the real pending queue.</summary>
public sealed record WhatIfPlan(string Solver, IReadOnlyList<PlannedJob> Jobs)
{
    /// <summary>Expected total of the what-if jobs that would be placed.</summary>
    public Money TotalCost => Jobs.Aggregate(Money.Zero, (sum, job) => sum + (job.Chosen?.Cost?.Total ?? Money.Zero));
}

/// <summary>Either a plan or every bad field of every spec, named "specs[i].worker.gpus".</summary>
public sealed record PlanResult(WhatIfPlan? Plan, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Plan is not null;
}
