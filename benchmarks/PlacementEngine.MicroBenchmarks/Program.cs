using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace PlacementEngine.MicroBenchmarks;

/// <summary>
/// BenchmarkDotNet's switcher: pick benchmarks with --filter (e.g. --filter '*' or --filter '*Eligibility*').
/// Reports go to BenchmarkDotNet.Artifacts in this project's folder, wherever the command is run from.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(ProjectFolder(), "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    private static string ProjectFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PlacementEngine.MicroBenchmarks.csproj")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
