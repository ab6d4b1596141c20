using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// The jobs <see cref="PendingQueue"/> has set aside and why, with a running count per reason: a cycle reports the
/// counts every time, and recounting a backlog of tens of thousands parked jobs per cycle showed in profiles.
/// Not thread-safe: the queue's lock guards it.
/// </summary>
internal sealed class ParkedJobs
{
    private readonly Dictionary<JobId, string> _reasons = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Count => _reasons.Count;

    public bool Contains(JobId id) => _reasons.ContainsKey(id);

    /// <summary>Parks the job, or changes why it waits; true when it was not parked before.</summary>
    public bool Park(JobId id, string reason)
    {
        var added = true;
        if (_reasons.TryGetValue(id, out var before))
        {
            Uncount(before);
            added = false;
        }
        _reasons[id] = reason;
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        return added;
    }

    public void Unpark(JobId id)
    {
        if (_reasons.Remove(id, out var reason))
        {
            Uncount(reason);
        }
    }

    public void Clear()
    {
        _reasons.Clear();
        _counts.Clear();
    }

    public IReadOnlyDictionary<string, int> ByReason() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    private void Uncount(string reason)
    {
        if (--_counts[reason] == 0)
        {
            _counts.Remove(reason);
        }
    }
}
