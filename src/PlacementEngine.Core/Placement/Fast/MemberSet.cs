namespace PlacementEngine.Core;

/// <summary>
/// A list that the hard checks only ask "is it among them" of, compared as the set of its members: order and repeats
/// make no difference to any check, so they make none here. Wraps the list without copying it.
/// </summary>
internal readonly struct MemberSet<T>(IReadOnlyList<T> items) : IEquatable<MemberSet<T>>
{
    private readonly IReadOnlyList<T> _items = items;

    public bool Equals(MemberSet<T> other) => Covers(_items, other._items) && Covers(other._items, _items);

    public override bool Equals(object? obj) => obj is MemberSet<T> other && Equals(other);

    // OR is blind to order and repeats, as equality is; the lists are a few members long.
    public override int GetHashCode()
    {
        var hash = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            hash |= EqualityComparer<T>.Default.GetHashCode(_items[i]!);
        }
        return hash;
    }

    private static bool Covers(IReadOnlyList<T> outer, IReadOnlyList<T> inner)
    {
        for (var i = 0; i < inner.Count; i++)
        {
            if (!Contains(outer, inner[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Contains(IReadOnlyList<T> items, T item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(items[i], item))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>A cluster selector compared by its pairs, whatever the dictionary's order.</summary>
internal readonly struct SelectorSet(IReadOnlyDictionary<string, string> pairs) : IEquatable<SelectorSet>
{
    private readonly IReadOnlyDictionary<string, string> _pairs = pairs;

    public bool Equals(SelectorSet other)
    {
        if (_pairs.Count != other._pairs.Count)
        {
            return false;
        }
        foreach (var (key, value) in _pairs)
        {
            if (!other._pairs.TryGetValue(key, out var theirs) || !string.Equals(value, theirs, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is SelectorSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = _pairs.Count;
        foreach (var (key, value) in _pairs)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), StringComparer.Ordinal.GetHashCode(value));
        }
        return hash;
    }
}
