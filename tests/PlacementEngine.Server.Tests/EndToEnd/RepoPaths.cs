namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>Where the checkout and the shared data beside it are, found from the test's own folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fleet => Path.Combine(Root, "deploy", "examples", "fleet.yaml");

    public static string Tokens => Path.Combine(Root, "deploy", "examples", "tokens.yaml");

    /// <summary>The shipped price catalog, which a server finds by itself only from a fleet file inside the checkout.</summary>
    public static string Pricing => Path.Combine(Root, "pricing");

    public static string Jobs(string file) => Path.Combine(Root, "deploy", "examples", "jobs", file);

    public static string Interop(string file) => Path.Combine(Root, "tests", "interop", file);

    public static string Protos => Path.Combine(Root, "src", "PlacementEngine.Contracts", "Protos");

    /// <summary>
    /// placectl in its own build output (same configuration and framework as this test), beside its own dependencies:
    /// the copy in the test's folder would find some of them missing, resolved there from the ASP.NET Core framework
    /// the server runs on and placectl does not.
    /// </summary>
    public static string Placectl { get; } = FindPlacectl();

    private static string FindPlacectl()
    {
        var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(Root, "src", "PlacementEngine.Cli", "bin", framework.Parent!.Name, framework.Name, "placectl.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"placectl is not built at {path}: build the solution first");
    }

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
