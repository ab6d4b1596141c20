using PlacementEngine.Silo.AdoNet.Tests.Silos;

namespace PlacementEngine.Silo.AdoNet.Tests;

/// <summary>Entry point when the test assembly runs as a child silo process (the test runner never calls it).</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => ChildSilo.RunAsync(args);
}
