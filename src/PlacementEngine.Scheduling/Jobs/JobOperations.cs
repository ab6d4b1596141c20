using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

public enum SubmitResultKind
{
    Created,
    Existing,
    Invalid,
    KeyConflict,
}

public sealed record SubmitResult(SubmitResultKind Kind, Job? Job, IReadOnlyList<FieldError> Errors);

public enum CancelStatus
{
    Cancelled,
    NotFound,
    AlreadyFinished,
}

public sealed record CancelResult(CancelStatus Status, Job? Job);

/// <summary>An attempt a cancel must stop on its cluster: it had been handed over when the job was cancelled.</summary>
public sealed record AttemptToStop(string Cluster, int Attempt);

/// <summary>What the API can do with jobs. Authorisation (which team may see what) is the API's concern.</summary>
public sealed class JobOperations(
    IJobStore store,
    JobWriter writer,
    JobEventHub events,
    JobSpecValidator validator,
    ProblemBuilder problems,
    Dispatchers dispatchers,
    AsyncSignal cycleTrigger) : IJobOperations
{
    public async Task<SubmitResult> SubmitAsync(JobSpecDraft draft, string idempotencyKey, CancellationToken ct)
    {
        // The new job's id, unless the team's key names an existing job.
        var id = NewJobId();
        var errors = validator.Validate(draft, out var spec);
        var keyErrors = new List<FieldError>();
        // The key is stored and compared like the spec, so it is bounded and free of control characters like its text.
        JobSpecValidator.CheckText(keyErrors, "idempotency_key", idempotencyKey, JobSpecLimits.MaxIdempotencyKeyLength);
        if (errors.Count > 0 || keyErrors.Count > 0)
        {
            return new SubmitResult(SubmitResultKind.Invalid, null, [.. errors, .. keyErrors]);
        }
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? $"generated-{id.Value}" : idempotencyKey.Trim();
        var job = Job.New(id, spec!, key, writer.Now);
        var outcome = await store.SubmitAsync(job, SpecFingerprint.Of(spec!), ct).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case SubmitStatus.Created:
                events.Publish(new JobChange(outcome.Job ?? job, null)); // the scheduler's pending queue hears of it
                cycleTrigger.Set();
                return new SubmitResult(SubmitResultKind.Created, outcome.Job ?? job, []);
            case SubmitStatus.AlreadyExists:
                return new SubmitResult(SubmitResultKind.Existing, outcome.Job, []);
            default:
                return new SubmitResult(SubmitResultKind.KeyConflict, outcome.Job,
                    [new FieldError("idempotency_key", $"'{InputText.Quote(key)}' was already used by team {spec!.Team} for a different job spec")]);
        }
    }

    public Task<Job?> GetAsync(JobId id, CancellationToken ct) => store.GetAsync(id, ct);

    public Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken ct) => store.GetTransitionsAsync(id, ct);

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken ct) => store.ListAsync(query, ct);

    public async Task<CancelResult> CancelAsync(JobId id, string reason, CancellationToken ct)
    {
        var (result, stop) = await CancelInStoreAsync(id, reason, ct).ConfigureAwait(false);
        if (stop is not null && dispatchers.TryGet(stop.Cluster, out var executor))
        {
            await executor.CancelAsync(id, stop.Attempt, ct).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>The stored half of a cancel, and the attempt its cluster's owner must then stop, if one was handed over.</summary>
    public async Task<(CancelResult Result, AttemptToStop? Stop)> CancelInStoreAsync(JobId id, string reason, CancellationToken ct)
    {
        Job? before = null;
        var after = await writer.UpdateAsync(id, job =>
        {
            before = job;
            if (job.State.IsTerminal())
            {
                return null;
            }
            var why = string.IsNullOrWhiteSpace(reason) ? "cancelled by the user" : $"cancelled: {reason}";
            var end = job.State.HoldsCapacity() ? AttemptCosts.End(job, "cancelled", writer.Now) : null;
            return [writer.Transition(job, JobState.Cancelled, why, end)];
        }, ct).ConfigureAwait(false);

        if (after is null)
        {
            return (new CancelResult(CancelStatus.NotFound, null), null);
        }
        if (after.State != JobState.Cancelled || before is null || before.State.IsTerminal())
        {
            return (new CancelResult(CancelStatus.AlreadyFinished, after), null);
        }
        if (before.State.HoldsCapacity())
        {
            cycleTrigger.Set(); // Freed capacity may fit a waiting job.
        }
        var stop = before.State is JobState.Dispatched or JobState.Running && before.Placement is { } placement
            ? new AttemptToStop(placement.Cluster, before.Attempt)
            : null;
        return (new CancelResult(CancelStatus.Cancelled, after), stop);
    }

    /// <summary>
    /// The job now with its history, then every change until it ends. Changes racing the first read are not repeated,
    /// neither as events nor in the history.
    /// </summary>
    public async IAsyncEnumerable<JobChange> WatchAsync(JobId id, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = events.Subscribe(id);
        if (await SnapshotAsync(store, id, ct).ConfigureAwait(false) is not { } snapshot)
        {
            yield break;
        }
        yield return snapshot;
        var version = snapshot.Job.Version;
        var state = snapshot.Job.State;
        while (!state.IsTerminal())
        {
            var change = await subscription.Reader.ReadAsync(ct).ConfigureAwait(false);
            if (change.Job.Version <= version)
            {
                continue;
            }
            version = change.Job.Version;
            state = change.Job.State;
            yield return change;
        }
    }

    /// <summary>A watch's first change: the job now, with its history up to its version; null when there is no such job.</summary>
    public static async Task<JobChange?> SnapshotAsync(IJobStore store, JobId id, CancellationToken ct)
    {
        var job = await store.GetAsync(id, ct).ConfigureAwait(false);
        if (job is null)
        {
            return null;
        }
        // Read after the job, the history may already hold changes newer than it; those follow as events, so the
        // history stops at the job's version (its n-th entry brought the job to version n).
        var history = await store.GetTransitionsAsync(id, ct).ConfigureAwait(false);
        return new JobChange(job, null) { History = [.. history.Take(checked((int)job.Version))] };
    }

    public async Task<JobExplanation?> ExplainAsync(JobId id, CancellationToken ct)
    {
        var job = await store.GetAsync(id, ct).ConfigureAwait(false);
        if (job is null)
        {
            return null;
        }
        var problem = await problems.BuildAsync([job], ct).ConfigureAwait(false);
        var chosen = job.State.HoldsCapacity() || job.State.IsTerminal() ? job.Placement?.Pool : null;
        return PlacementExplainer.Explain(problem, problem.Jobs[0], chosen);
    }

    /// <summary>16 hex characters from a CSPRNG: unique enough, and safe inside Kubernetes object names.</summary>
    private static JobId NewJobId() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
}
