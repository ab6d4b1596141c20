namespace PlacementEngine.Server.FleetFiles;

/// <summary>
/// The first definition of each key and where it was, so a second one can be reported with a pointer back to the
/// first instead of a bare "duplicate".
/// </summary>
internal sealed class FirstDefinitions<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, (TValue Value, int Line)> _first;

    public FirstDefinitions(IEqualityComparer<TKey>? comparer = null)
    {
        _first = new Dictionary<TKey, (TValue, int)>(comparer);
    }

    /// <summary>False, with the earlier definition, when the key is already defined.</summary>
    public bool TryAdd(TKey key, TValue value, int line, out (TValue Value, int Line) first)
    {
        if (_first.TryGetValue(key, out first))
        {
            return false;
        }
        _first.Add(key, (value, line));
        return true;
    }

    public IEnumerable<KeyValuePair<TKey, TValue>> All => _first.Select(p => KeyValuePair.Create(p.Key, p.Value.Value));
}
