using System.Collections.Concurrent;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>
/// The WatchJob streams this silo serves, by job. A change committed on this silo reaches them here directly. On a
/// silo with no peers that is every change, so a job's grain is neither activated nor called for its watchers: with
/// a grain per job, that was an activation and a message per transition of every job, watched or not.
/// </summary>
public sealed class LocalJobWatches(IClusterMembershipService membership, ILocalSiloDetails silo)
{
    private readonly ConcurrentDictionary<JobId, IJobWatcher[]> _watches = new();

    /// <summary>
    /// True while the membership this silo holds lists another silo not known dead: changes may then be committed
    /// elsewhere, and watches must hear them through the job's grain. A silo joining is seen within moments; a change
    /// committed before this silo sees it reaches that silo's watches at their next renewal, from the store.
    /// </summary>
    public bool HasPeers => membership.CurrentSnapshot.Members.Any(m => !m.Key.Equals(silo.SiloAddress) && m.Value.Status != SiloStatus.Dead);

    /// <summary>Watches of jobs on this silo now; for operators tracing a job, and for tests.</summary>
    public int Count => _watches.Values.Sum(w => w.Length);

    public void Add(JobId job, IJobWatcher watch) =>
        _watches.AddOrUpdate(job, _ => [watch], (_, current) => [.. current, watch]);

    public void Remove(JobId job, IJobWatcher watch)
    {
        while (_watches.TryGetValue(job, out var current))
        {
            var rest = current.Where(w => !ReferenceEquals(w, watch)).ToArray();
            var done = rest.Length == 0
                ? _watches.TryRemove(new KeyValuePair<JobId, IJobWatcher[]>(job, current))
                : _watches.TryUpdate(job, rest, current);
            if (done)
            {
                return;
            }
        }
    }

    /// <summary>A change this silo committed, to its own watches of the job.</summary>
    public void Deliver(JobChange change)
    {
        if (_watches.TryGetValue(change.Job.Id, out var watches))
        {
            var carried = change.AsImmutable();
            foreach (var watch in watches)
            {
                watch.OnChangedAsync(carried).Ignore();
            }
        }
    }
}
