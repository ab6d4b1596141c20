namespace PlacementEngine.Core;

/// <summary>
/// Per pool, what it holds by kind: units in <see cref="PlacementFlow"/>, jobs in <see cref="AugmentingPlan"/>. Only
/// kinds with something in the pool have an entry, so looking through a pool's kinds visits just those present.
/// </summary>
internal sealed class KindOccupants
{
    private readonly Dictionary<int, List<int>>[] _at;

    public KindOccupants(int pools) => _at = [.. Enumerable.Range(0, pools).Select(_ => new Dictionary<int, List<int>>())];

    /// <summary>The pool's occupants by kind; the concrete dictionary, so that looping over it allocates nothing.</summary>
    public Dictionary<int, List<int>> At(int pool) => _at[pool];

    public void Add(int pool, int kind, int item)
    {
        if (!_at[pool].TryGetValue(kind, out var items))
        {
            items = [];
            _at[pool].Add(kind, items);
        }
        items.Add(item);
    }

    public void Remove(int pool, int kind, int item)
    {
        var items = _at[pool][kind];
        RemoveAt(pool, kind, items, items.IndexOf(item));
    }

    /// <summary>Removes and returns the kind's occupant added last.</summary>
    public int TakeLast(int pool, int kind)
    {
        var items = _at[pool][kind];
        var item = items[^1];
        RemoveAt(pool, kind, items, items.Count - 1);
        return item;
    }

    private void RemoveAt(int pool, int kind, List<int> items, int position)
    {
        items.RemoveAt(position);
        if (items.Count == 0)
        {
            _at[pool].Remove(kind);
        }
    }
}
