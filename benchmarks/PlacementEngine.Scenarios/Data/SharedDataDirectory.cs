namespace PlacementEngine.Scenarios;

/// <summary>
/// Finds the shared real data: the folder "shared/data" next to the checkout, i.e. ../shared/data from the folder
/// holding PlacementEngine.sln, found by walking up from the running program. An explicit folder (--data) wins.
/// </summary>
public static class SharedDataDirectory
{
    private const string SolutionFile = "PlacementEngine.sln";

    public static string Locate(string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return RequireFolder(Path.GetFullPath(explicitDirectory), "the data folder given");
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                var data = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
                return RequireFolder(data, $"the shared data next to {directory.FullName}");
            }
        }
        throw new DirectoryNotFoundException(
            $"no {SolutionFile} above {AppContext.BaseDirectory}; pass the shared data folder explicitly (--data DIR)");
    }

    private static string RequireFolder(string path, string what) =>
        Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"{what} ({path}) does not exist");
}
