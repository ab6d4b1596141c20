namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>Where the checkout and the shared data beside it are, found from the test's own folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fleet => Path.Combine(Root, "deploy", "examples", "fleet.yaml");

    public static string Tokens => Path.Combine(Root, "deploy", "examples", "tokens.yaml");

    public static string Jobs(string file) => Path.Combine(Root, "deploy", "examples", "jobs", file);

    public static string Interop(string file) => Path.Combine(Root, "tests", "interop", file);

    public static string Protos => Path.Combine(Root, "src", "PlacementEngine.Contracts", "Protos");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlacementEngine.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PlacementEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
