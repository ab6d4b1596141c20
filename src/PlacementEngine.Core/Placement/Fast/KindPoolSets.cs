using System.Numerics;

namespace PlacementEngine.Core;

/// <summary>
/// Each kind's pools as a bit set, and the pools one search has seen (closed pools always count as seen), so that looking through a kind visits only the
/// pools no one has reached yet: a word of 64 pools at a time instead of the kind's whole list. Pools are indexed in
/// ascending price per node-hour (<see cref="FleetIndex"/>), so unseen pools come out cheapest first, as in the list.
/// </summary>
internal sealed class KindPoolSets
{
    private readonly ulong[][] _kindBits;
    private readonly ulong[] _seen;
    private readonly ulong[] _closed;

    public KindPoolSets(FlowKinds kinds, int poolCount)
    {
        var words = (poolCount + 63) / 64;
        _seen = new ulong[words];
        _closed = new ulong[words];
        _kindBits = new ulong[kinds.Count][];
        for (var k = 0; k < kinds.Count; k++)
        {
            var bits = new ulong[words];
            foreach (var pool in kinds.Pools[k])
            {
                bits[pool >> 6] |= 1UL << (pool & 63);
            }
            _kindBits[k] = bits;
        }
    }

    /// <summary>A new search: only closed pools count as seen.</summary>
    public void ClearSeen() => Array.Copy(_closed, _seen, _seen.Length);

    /// <summary>Leaves the pool out of every later search.</summary>
    public void Close(int pool)
    {
        _closed[pool >> 6] |= 1UL << (pool & 63);
        MarkSeen(pool);
    }

    /// <summary>Takes every pool back into later searches.</summary>
    public void Reopen() => Array.Clear(_closed);

    public bool IsSeen(int pool) => (_seen[pool >> 6] & (1UL << (pool & 63))) != 0;

    public void MarkSeen(int pool) => _seen[pool >> 6] |= 1UL << (pool & 63);

    /// <summary>The kind's pools not seen when each word is reached, cheapest first; callers still check <see cref="IsSeen"/>.</summary>
    public UnseenPools Unseen(int kind) => new(_kindBits[kind], _seen);

    internal struct UnseenPools(ulong[] bits, ulong[] seen)
    {
        private int _word = -1;
        private ulong _left;

        public int Current { get; private set; }

        public readonly UnseenPools GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_left == 0)
            {
                if (++_word >= bits.Length)
                {
                    return false;
                }
                _left = bits[_word] & ~seen[_word];
            }
            Current = (_word << 6) + BitOperations.TrailingZeroCount(_left);
            _left &= _left - 1;
            return true;
        }
    }
}
