namespace PlacementEngine.Pricing.Tests;

/// <summary>Files the tests read from the repository and from the shared data next to it.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFile = "PlacementEngine.sln";

    public static string Root { get; } = FindRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Pricing => Path.Combine(Root, "pricing");

    public static string ExampleFleet => Path.Combine(Root, "deploy", "examples", "fleet.yaml");

    public static string ExampleConfigMap => Path.Combine(SharedData, "examples", "pricing-configmap.yaml");

    public static string AwsCatalog => Path.Combine(SharedData, "prices", "skypilot_catalog_v9_aws_vms_gpu_subset.csv");

    public static string GcpCatalog => Path.Combine(SharedData, "prices", "anycloud_catalog_gcp_vms.csv");

    public static string AzureCatalog => Path.Combine(SharedData, "prices", "anycloud_catalog_azure_vms.csv");

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
