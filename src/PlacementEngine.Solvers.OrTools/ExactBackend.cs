namespace PlacementEngine.Solvers.OrTools;

/// <summary>
/// Which OR-Tools engine solves the 0-1 program. All three take the same model, hint and time limit; CBC through
/// MPSolver is the default because it found the best plans on the benchmark (benchmarks/README.md has the figures).
/// </summary>
public enum ExactBackend
{
    /// <summary>COIN-OR CBC, branch and cut, through OR-Tools' MPSolver.</summary>
    Cbc,

    /// <summary>OR-Tools' CP-SAT, on whole millionths of a dollar.</summary>
    CpSat,

    /// <summary>SCIP, branch and cut, through OR-Tools' MPSolver.</summary>
    Scip,
}

public static class ExactBackends
{
    /// <summary>The names the benchmark's --exact-backend flag takes.</summary>
    public static IReadOnlyDictionary<string, ExactBackend> ByName { get; } = new Dictionary<string, ExactBackend>(StringComparer.OrdinalIgnoreCase)
    {
        ["cbc"] = ExactBackend.Cbc,
        ["cp-sat"] = ExactBackend.CpSat,
        ["scip"] = ExactBackend.Scip,
    };
}
