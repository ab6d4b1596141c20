using System.Globalization;
using PlacementEngine.Core;
using k8s.Models;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes.Jobs;

/// <summary>
/// Remembers the last phase reported for each attempt, so a watch reports changes only, and only forward:
/// Pending, then Running, then one terminal phase. A Job seen going back (ready workers that finished before the
/// verdict) is not reported; a Job recreated under the same name (new uid) starts over.
/// </summary>
internal sealed class AttemptPhaseTracker
{
    public const string DeletedReason = "the Job was deleted before it finished";

    private readonly Dictionary<string, Tracked> _byName = new(StringComparer.Ordinal);

    /// <summary>A full list replaces what was known: Jobs missing from it were deleted while nobody watched.</summary>
    public IReadOnlyList<ExecutionUpdate> Listed(IReadOnlyList<V1Job> jobs)
    {
        var updates = new List<ExecutionUpdate>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (job.Metadata?.Name is { } name)
            {
                present.Add(name);
            }
            if (Changed(job) is { } update)
            {
                updates.Add(update);
            }
        }
        foreach (var name in _byName.Keys.Where(n => !present.Contains(n)).ToList())
        {
            if (Forget(name, uid: null) is { } update)
            {
                updates.Add(update);
            }
        }
        return updates;
    }

    public ExecutionUpdate? Changed(V1Job job)
    {
        if (!TryIdentify(job, out var name, out var jobId, out var attempt))
        {
            return null;
        }
        var observed = JobPhaseReader.Read(job);
        var uid = job.Metadata?.Uid;
        if (_byName.TryGetValue(name, out var known) && known.Uid == uid && !IsForward(known.Phase, observed.Phase))
        {
            return null;
        }
        _byName[name] = new Tracked(jobId, attempt, uid, observed.Phase);
        return new ExecutionUpdate(jobId, attempt, observed.Phase, observed.Reason);
    }

    /// <summary>A Job deleted before its verdict (cancelled, or removed by hand) is reported as failed.</summary>
    public ExecutionUpdate? Deleted(V1Job job) =>
        job.Metadata?.Name is { } name ? Forget(name, job.Metadata.Uid) : null;

    private ExecutionUpdate? Forget(string name, string? uid)
    {
        if (!_byName.TryGetValue(name, out var known) || (uid is not null && known.Uid != uid))
        {
            return null;
        }
        _byName.Remove(name);
        return IsTerminal(known.Phase) ? null : new ExecutionUpdate(known.JobId, known.Attempt, ExecutionPhase.Failed, DeletedReason);
    }

    private static bool TryIdentify(V1Job job, out string name, out JobId jobId, out int attempt)
    {
        name = job.Metadata?.Name ?? "";
        jobId = default;
        attempt = 0;
        var labels = job.Metadata?.Labels;
        if (name.Length == 0 || labels is null
            || !labels.TryGetValue(PlacementLabels.JobId, out var id) || string.IsNullOrEmpty(id)
            || !labels.TryGetValue(PlacementLabels.Attempt, out var attemptText)
            || !int.TryParse(attemptText, NumberStyles.None, CultureInfo.InvariantCulture, out attempt))
        {
            return false;
        }
        jobId = new JobId(id);
        return true;
    }

    private static bool IsForward(ExecutionPhase from, ExecutionPhase to) => !IsTerminal(from) && Rank(to) > Rank(from);

    private static bool IsTerminal(ExecutionPhase phase) => Rank(phase) == 2;

    private static int Rank(ExecutionPhase phase) => phase switch
    {
        ExecutionPhase.Pending => 0,
        ExecutionPhase.Running => 1,
        _ => 2,
    };

    private sealed record Tracked(JobId JobId, int Attempt, string? Uid, ExecutionPhase Phase);
}
