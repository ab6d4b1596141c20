namespace PlacementEngine.Server.Tests.FleetFiles;

/// <summary>Files the tests read from the repository and from the shared data next to it.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFile = "PlacementEngine.sln";

    public static string Root { get; } = FindRoot();

    public static string ExampleFleet => Path.Combine(Root, "deploy", "examples", "fleet.yaml");

    public static string ExampleTokens => Path.Combine(Root, "deploy", "examples", "tokens.yaml");

    public static string SharedPrices(string fileName) => Path.Combine(Root, "..", "shared", "data", "prices", fileName);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }
}
