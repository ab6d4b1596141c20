namespace PlacementEngine.Pricing;

/// <summary>
/// Collects every problem instead of stopping at the first, so one run shows everything to fix. Past
/// <see cref="MaxKept"/> problems are only counted: a file of garbage must not turn into gigabytes of messages.
/// </summary>
internal sealed class ProblemList
{
    private const int MaxKept = 100_000;

    private readonly List<ImportProblem> _problems = [];

    public int Count { get; private set; }

    public bool Any => Count > 0;

    public void Add(int line, string message)
    {
        Count++;
        if (_problems.Count < MaxKept)
        {
            _problems.Add(new ImportProblem(line, message));
        }
    }

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem.Line, problem.Message);
        }
    }

    /// <summary>Cross-checks find problems after reading; a stable sort keeps each line's problems in the order found.</summary>
    public IReadOnlyList<ImportProblem> FirstInLineOrder(int limit) =>
        _problems.OrderBy(p => p.Line).Take(limit).ToList();
}
