using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Scheduling;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// placement.v1.JobService. The caller's team comes from the token: a team sees, watches, explains and cancels only
/// its own jobs (another team's job is NOT_FOUND, as if it did not exist), and submits only for itself; admins act for every team (<see cref="PlacementPolicies.TeamAccess"/>).
/// </summary>
[Authorize]
internal sealed class JobService(IJobOperations jobs, IPlanOperations plans, FleetOperations fleet, IAuthorizationService authorization)
    : V1.JobService.JobServiceBase
{
    public override async Task<V1.SubmitJobResponse> SubmitJob(V1.SubmitJobRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var spec = request.Spec ?? throw Rpc.Error(StatusCode.InvalidArgument, "spec: the job spec is required");
        var team = string.IsNullOrWhiteSpace(spec.Team) ? caller.Team : spec.Team.Trim();
        await authorization.DemandAsync(context, team, () =>
            $"spec.team: team {caller.Team} may not submit jobs for team {team}; leave spec.team empty to submit for your own team").ConfigureAwait(false);

        var result = await jobs.SubmitAsync(JobSpecMapping.ToDraft(spec, team), request.IdempotencyKey, context.CancellationToken).ConfigureAwait(false);
        return result.Kind switch
        {
            SubmitResultKind.Created => new V1.SubmitJobResponse { Job = ToProto(result.Job!) },
            SubmitResultKind.Existing => new V1.SubmitJobResponse { Job = ToProto(result.Job!), AlreadyExisted = true },
            // Every bad field at once, each named as the API names it: "spec.worker.gpus: -1 is out of range ...".
            SubmitResultKind.Invalid => throw Rpc.Error(StatusCode.InvalidArgument, string.Join("; ", result.Errors)),
            SubmitResultKind.KeyConflict => throw Rpc.Error(
                StatusCode.AlreadyExists,
                result.Errors.Count > 0
                    ? string.Join("; ", result.Errors)
                    : $"idempotency_key: '{InputText.Quote(request.IdempotencyKey)}' was already used for a different job spec"),
            _ => throw new InvalidOperationException($"unexpected submit result {result.Kind}"),
        };
    }

    public override async Task<V1.Job> GetJob(V1.GetJobRequest request, ServerCallContext context)
    {
        var job = await GetVisibleJobAsync(request.Id, context).ConfigureAwait(false);
        var transitions = await jobs.GetTransitionsAsync(job.Id, context.CancellationToken).ConfigureAwait(false);
        return ToProto(job, transitions);
    }

    public override async Task<V1.ListJobsResponse> ListJobs(V1.ListJobsRequest request, ServerCallContext context)
    {
        var query = ListJobsQuery.From(request, context.GetCaller());
        JobPage page;
        try
        {
            page = await jobs.ListAsync(query, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException && request.PageToken.Length > 0)
        {
            throw Rpc.Error(StatusCode.InvalidArgument, "page_token: not a token this server issued for a listing in this order; start again with an empty page_token");
        }
        return new V1.ListJobsResponse
        {
            Jobs = { page.Jobs.Select(job => ToProto(job)) },
            NextPageToken = page.NextPageToken,
        };
    }

    public override async Task<V1.Job> CancelJob(V1.CancelJobRequest request, ServerCallContext context)
    {
        var job = await GetVisibleJobAsync(request.Id, context).ConfigureAwait(false);
        var result = await jobs.CancelAsync(job.Id, request.Reason, context.CancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case CancelStatus.NotFound:
                throw NotFound(job.Id.Value);
            case CancelStatus.AlreadyFinished:
                var state = (result.Job ?? job).State;
                throw Rpc.Error(
                    StatusCode.FailedPrecondition,
                    $"job {job.Id} has already ended ({state.ToProto()}); only unfinished jobs can be cancelled");
            default:
                var transitions = await jobs.GetTransitionsAsync(job.Id, context.CancellationToken).ConfigureAwait(false);
                return ToProto(result.Job!, transitions);
        }
    }

    public override async Task WatchJob(V1.WatchJobRequest request, IServerStreamWriter<V1.JobEvent> responseStream, ServerCallContext context)
    {
        var id = RequiredId(request.Id);
        var first = true;
        await foreach (var change in jobs.WatchAsync(id, context.CancellationToken).ConfigureAwait(false))
        {
            // A watch starts with the job as stored: who may see it is decided on that, without a read of its own
            // (a watch per submission is common, and each read is a tenth of its cost).
            if (first && !await authorization.MayActForAsync(context, change.Job.Team).ConfigureAwait(false))
            {
                throw NotFound(request.Id);
            }
            first = false;
            var jobEvent = new V1.JobEvent { Job = ToProto(change.Job, change.History) };
            if (change.Transition is { } transition)
            {
                jobEvent.Transition = transition.ToProto();
            }
            await responseStream.WriteAsync(jobEvent, context.CancellationToken).ConfigureAwait(false);
        }
        if (first && !context.CancellationToken.IsCancellationRequested)
        {
            throw NotFound(request.Id);
        }
    }

    public override async Task<V1.Explanation> ExplainJob(V1.ExplainJobRequest request, ServerCallContext context)
    {
        var job = await GetVisibleJobAsync(request.Id, context).ConfigureAwait(false);
        var explanation = await jobs.ExplainAsync(job.Id, context.CancellationToken).ConfigureAwait(false)
            ?? throw NotFound(job.Id.Value);
        return AnswerSize.Receivable(
            explanation.ToProto(job, request.AllCandidates),
            "leave all_candidates off (placectl jobs explain without --all) to see the chosen pool and the best few others");
    }

    public override Task<V1.PlanJobsResponse> PlanJobs(V1.PlanJobsRequest request, ServerCallContext context) =>
        new JobPlanner(plans, authorization).PlanAsync(request, context);

    /// <summary>The job, if it exists and the caller's team may see it.</summary>
    private async Task<Job> GetVisibleJobAsync(string id, ServerCallContext context)
    {
        var job = await jobs.GetAsync(RequiredId(id), context.CancellationToken).ConfigureAwait(false);
        // Another team's job answers exactly as a missing one: a different status would confirm that the id exists.
        if (job is null || !await authorization.MayActForAsync(context, job.Team).ConfigureAwait(false))
        {
            throw NotFound(id);
        }
        return job;
    }

    private V1.Job ToProto(Job job, IReadOnlyList<StateTransition>? transitions = null) =>
        job.ToProto(fleet.IsSimulated, transitions);

    private static JobId RequiredId(string id) => string.IsNullOrWhiteSpace(id)
        ? throw Rpc.Error(StatusCode.InvalidArgument, "id: the job id is required")
        : new JobId(id.Trim());

    // The id is the caller's input, of any length: quoted bounded.
    private static RpcException NotFound(string id) => Rpc.Error(StatusCode.NotFound, $"job {InputText.Quote(id)} not found");
}
