namespace PlacementEngine.Server.FleetFiles;

/// <summary>A fleet file that cannot be used, with every problem found in it, in file order.</summary>
public sealed class FleetFileException : Exception
{
    public FleetFileException(IReadOnlyList<FleetFileProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public FleetFileException()
        : this([])
    {
    }

    public FleetFileException(string message)
        : base(message)
    {
        Problems = [];
    }

    public FleetFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<FleetFileProblem> Problems { get; }

    private static string Describe(IReadOnlyList<FleetFileProblem> problems) =>
        problems.Count == 1
            ? $"the fleet file has a problem: {problems[0]}"
            : $"the fleet file has {problems.Count} problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
}
