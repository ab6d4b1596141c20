namespace PlacementEngine.Yaml;

/// <summary>
/// Where a reader's problems go: collected, so one run shows everything to fix, or, given
/// <c>stopWith</c>, thrown at the first one for files where the first error is all a person needs.
/// </summary>
public sealed class YamlProblems(Func<YamlProblem, Exception>? stopWith = null)
{
    private readonly List<YamlProblem> _all = [];

    /// <summary>In the order found.</summary>
    public IReadOnlyList<YamlProblem> All => _all;

    /// <summary>How many so far: a reader compares before and after an entry to know whether the entry is usable.</summary>
    public int Count => _all.Count;

    public void Add(YamlProblem problem)
    {
        if (stopWith is not null)
        {
            throw stopWith(problem);
        }
        _all.Add(problem);
    }
}
