using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// What-if planning: where would these specs go if they were submitted now? They are planned together with
/// the real pending queue (arriving after it) on the snapshot a cycle would use, by the solver a cycle would
/// use. Nothing is written: no job, no reservation, no transition.
/// </summary>
public sealed class PlanOperations(IJobStore store, JobSpecValidator validator, ProblemBuilder problems, ISolverSelector solvers) : IPlanOperations
{
    /// <summary>Most specs one plan takes: enough for a pipeline's batch, small enough for one solve.</summary>
    public const int MaxSpecs = 1000;

    private const string SpecPrefix = "spec.";
    private const string WhatIfIdPrefix = "what-if-";

    /// <param name="team">The team of every draft that names none.</param>
    public async Task<PlanResult> PlanAsync(IReadOnlyList<JobSpecDraft> drafts, string team, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var (specs, errors) = Validate(drafts, team);
        if (errors.Count > 0)
        {
            return new PlanResult(null, errors);
        }

        // 1. Snapshot with the real queue; the what-if jobs arrive after it. Their ids cannot collide with
        //    stored ones, which are hexadecimal.
        var pending = await store.GetByStatesAsync([JobState.Pending], ct).ConfigureAwait(false);
        var snapshot = await problems.BuildAsync(pending, ct).ConfigureAwait(false);
        var whatIf = specs.Select((spec, i) => new PendingJob(new JobId($"{WhatIfIdPrefix}{i}"), spec, new HashSet<string>(), 1)).ToList();
        var problem = snapshot with { Jobs = [.. snapshot.Jobs, .. whatIf] };

        // 2. Solve as the cycle would.
        var plan = solvers.For(problem).Solve(problem, ct);

        // 3. Explain each what-if job against what the rest of the plan leaves it.
        var remainder = new PlanRemainder(problem, plan);
        var unplaced = plan.Unplaced.ToDictionary(u => u.Job.Id);
        var unpriced = PlacementExplainer.NoPoolPriced(problem);
        var jobs = whatIf.Select((job, i) =>
        {
            var assignment = remainder.AssignmentOf(job.Id);
            var explanation = PlacementExplainer.Explain(remainder.For(job.Id), job, assignment?.Candidate.Pool.Name);
            if (assignment is not null)
            {
                return new PlannedJob(i, job.Spec, explanation.Chosen ?? assignment.Candidate, null, "", explanation);
            }
            // The solver's verdict names what actually stopped the job (a pool taken by another job of the plan,
            // a budget spent by it), which a count of rejected pools can hide.
            var miss = unplaced.GetValueOrDefault(job.Id)
                ?? throw new InvalidOperationException($"solver {plan.Solver} neither placed nor left pending what-if job {i}");
            var (reason, detail) = unpriced is null ? (miss.Reason, miss.Detail) : (RejectReason.NoPrice, unpriced);
            var verdict = explanation with { Summary = $"pending ({reason.ToWire()}): {detail}", Waits = (reason, detail) };
            return new PlannedJob(i, job.Spec, null, reason, detail, verdict);
        }).ToList();
        return new PlanResult(new WhatIfPlan(plan.Solver, jobs), []);
    }

    /// <summary>Every bad field of every spec at once, each named by its place in the request: "specs[1].worker.gpus".</summary>
    private (List<JobSpec> Specs, List<FieldError> Errors) Validate(IReadOnlyList<JobSpecDraft> drafts, string team)
    {
        var specs = new List<JobSpec>(Math.Min(drafts.Count, MaxSpecs));
        var errors = new List<FieldError>();
        if (drafts.Count == 0)
        {
            errors.Add(new FieldError("specs", "at least one job spec is required"));
            return (specs, errors);
        }
        if (drafts.Count > MaxSpecs)
        {
            errors.Add(new FieldError("specs", $"{drafts.Count} specs are more than the {MaxSpecs} one plan takes; split the batch"));
            return (specs, errors);
        }
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = string.IsNullOrWhiteSpace(drafts[i].Team) ? drafts[i] with { Team = team } : drafts[i];
            var found = validator.Validate(draft, out var spec);
            errors.AddRange(found.Select(e => e with { Field = Rename(e.Field, i) }));
            if (spec is not null)
            {
                specs.Add(spec);
            }
        }
        return (specs, errors);
    }

    private static string Rename(string field, int index) =>
        field.StartsWith(SpecPrefix, StringComparison.Ordinal)
            ? $"specs[{index}].{field[SpecPrefix.Length..]}"
            : $"specs[{index}].{field}";
}
