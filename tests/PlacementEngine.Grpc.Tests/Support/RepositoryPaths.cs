namespace PlacementEngine.Grpc.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The checkout's root: the nearest directory above the test binaries holding PlacementEngine.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Interop => Path.Combine(Root, "tests", "interop");

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
        throw new InvalidOperationException($"no PlacementEngine.sln above {AppContext.BaseDirectory}");
    }
}
