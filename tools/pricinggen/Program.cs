using PlacementEngine.Pricing;

// Regenerates the shipped price catalog: dotnet run --project tools/pricinggen [-- --check]
// Reads ../shared/data next to the repository and writes pricing/*.csv; --check only reports whether they are current.
// The Pricing tests run the same generator and fail when pricing/ differs from what it writes.

var root = FindRepositoryRoot();
var sharedData = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
var pricing = Path.Combine(root, "pricing");
var checkOnly = args.Contains("--check");

var stale = 0;
foreach (var file in ShippedCatalogGenerator.Generate(sharedData))
{
    var path = Path.Combine(pricing, file.Name);
    var current = File.Exists(path) ? File.ReadAllText(path) : null;
    if (current == file.Content)
    {
        Console.WriteLine($"{file.Name}: up to date");
        continue;
    }
    stale++;
    if (!checkOnly)
    {
        File.WriteAllText(path, file.Content);
    }
    Console.WriteLine($"{file.Name}: {(checkOnly ? "out of date" : "written")} ({file.Content.Length:N0} characters)");
}
return checkOnly && stale > 0 ? 1 : 0;

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "PlacementEngine.sln")))
        {
            return directory.FullName;
        }
    }
    throw new InvalidOperationException("run from inside the repository: no PlacementEngine.sln above " + AppContext.BaseDirectory);
}
