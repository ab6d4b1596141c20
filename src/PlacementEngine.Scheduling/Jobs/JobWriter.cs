using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// The one way scheduling changes a stored job: the lifecycle produces the next state, the store commits it
/// with a version check, and watchers hear of what was applied.
/// </summary>
public sealed class JobWriter(IJobStore store, JobEventHub events, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return new CommitResult([], []);
        }
        var result = await store.CommitAsync(updates, cancellationToken).ConfigureAwait(false);
        var applied = result.Applied.ToHashSet();
        foreach (var update in updates.Where(u => applied.Contains(u.Next.Id)))
        {
            events.Publish(new JobChange(update.Next, update.Transition));
        }
        return result;
    }

    /// <summary>
    /// Re-reads the job and applies <paramref name="change"/> until it commits, the job is gone, or
    /// <paramref name="change"/> declines (returns null). Several writers may race; the version check decides.
    /// </summary>
    public async Task<Job?> UpdateAsync(JobId id, Func<Job, IReadOnlyList<JobUpdate>?> change, CancellationToken cancellationToken)
    {
        const int MaxAttempts = 8;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var job = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                return null;
            }
            var updates = change(job);
            if (updates is null || updates.Count == 0)
            {
                return job;
            }
            var result = await CommitAsync(updates, cancellationToken).ConfigureAwait(false);
            if (result.Conflicts.Count == 0)
            {
                return updates[^1].Next;
            }
        }
        throw new InvalidOperationException($"job {id}: gave up after {MaxAttempts} conflicting concurrent updates");
    }

    /// <summary>A plain state change of a job at its current version.</summary>
    public JobUpdate Transition(Job job, JobState to, string reason, AttemptEnd? end = null, DateTimeOffset? started = null, DateTimeOffset? at = null)
    {
        var (next, transition) = JobLifecycle.Transition(job, to, reason, at ?? Now);
        return new JobUpdate(next, transition, job.Version, AttemptStarted: started, AttemptEnd: end);
    }
}
