using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// placement.v1.JobService/PlanJobs: what-if planning for any authenticated caller. Each spec's team defaults
/// to the caller's; naming another team needs the admin role, as for SubmitJob. Nothing is stored.
/// </summary>
internal sealed class JobPlanner(IPlanOperations plans, IAuthorizationService authorization)
{
    public async Task<V1.PlanJobsResponse> PlanAsync(V1.PlanJobsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        switch (request.Specs.Count)
        {
            case 0:
                throw Rpc.Error(StatusCode.InvalidArgument, "specs: at least one job spec is required");
            case > PlanOperations.MaxSpecs:
                throw Rpc.Error(
                    StatusCode.InvalidArgument,
                    $"specs: {request.Specs.Count} specs are more than the {PlanOperations.MaxSpecs} one plan takes; split the batch");
        }

        var drafts = new List<JobSpecDraft>(request.Specs.Count);
        var denied = new List<string>();
        for (var i = 0; i < request.Specs.Count; i++)
        {
            var spec = request.Specs[i];
            var team = string.IsNullOrWhiteSpace(spec.Team) ? caller.Team : spec.Team.Trim();
            if (!await authorization.MayActForAsync(context, team).ConfigureAwait(false))
            {
                denied.Add($"specs[{i}].team: team {caller.Team} may not plan jobs for team {team}");
                continue;
            }
            drafts.Add(JobSpecMapping.ToDraft(spec, team, $"specs[{i}]"));
        }
        if (denied.Count > 0)
        {
            throw Rpc.Error(StatusCode.PermissionDenied, string.Join("; ", denied) + "; leave team empty to plan for your own team");
        }

        var result = await plans.PlanAsync(drafts, caller.Team, context.CancellationToken).ConfigureAwait(false);
        // Every bad field of every spec at once: "specs[1].worker.gpus: -1 is out of range ...".
        var plan = result.Plan ?? throw Rpc.Error(StatusCode.InvalidArgument, string.Join("; ", result.Errors));
        // With the default shortlist 1000 specs fit (PlanJobsOverTheWireTests measures it); all candidates may not.
        return AnswerSize.Receivable(
            plan.ToProto(request.AllCandidates),
            request.AllCandidates
                ? $"plan fewer specs at once (this plan has {request.Specs.Count}), or leave all_candidates off (placectl plan without --all)"
                : $"plan fewer specs at once (this plan has {request.Specs.Count})");
    }
}
