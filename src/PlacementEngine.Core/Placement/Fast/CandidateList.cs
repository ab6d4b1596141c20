namespace PlacementEngine.Core;

/// <summary>
/// The pools one job considers, with their costs; the cheapest ones at first, pools that the dual prices point to
/// are appended later. Floating-point costs rank; exact costs are computed when first asked for, since most
/// candidates are only ever ranked. <see cref="Floor"/> is what keeps bounds honest about the pools left out.
/// </summary>
internal sealed class CandidateList(JobFacts job, int capacity)
{
    private int[] _pools = new int[capacity];
    private double[] _costs = new double[capacity];
    private decimal[] _exact = new decimal[capacity];
    // Set once _exact[i] is written: plans are built on two threads at once, and a decimal is written in more than
    // one store, so a reader must not trust the value before the flag (writers racing write the same value).
    private bool[] _known = new bool[capacity];

    public JobFacts Job => job;

    public int Count { get; private set; }

    public int[] Pools => _pools;

    /// <summary>Floating-point costs, within a few millionths of a dollar of the exact ones.</summary>
    public double[] Costs => _costs;

    /// <summary>
    /// No pool outside the list that could take the job on an empty plan costs less than this;
    /// <see cref="decimal.MaxValue"/> when the list holds every such pool.
    /// </summary>
    public decimal Floor { get; set; } = decimal.MaxValue;

    public bool IsComplete => Floor == decimal.MaxValue;

    /// <summary>The exact cost of entry <paramref name="i"/>, as <see cref="CostModel"/> gives it.</summary>
    public decimal Exact(int i)
    {
        if (Volatile.Read(ref _known[i]))
        {
            return _exact[i];
        }
        var exact = job.Cost(_pools[i]);
        _exact[i] = exact;
        Volatile.Write(ref _known[i], true);
        return exact;
    }

    public void Add(int pool, double cost)
    {
        if (Count == _pools.Length)
        {
            var size = Math.Max(4, Count * 2);
            Array.Resize(ref _pools, size);
            Array.Resize(ref _costs, size);
            Array.Resize(ref _exact, size);
            Array.Resize(ref _known, size);
        }
        _pools[Count] = pool;
        _costs[Count] = cost;
        _known[Count] = false;
        Count++;
    }
}
