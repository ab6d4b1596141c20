using PlacementEngine.Scenarios;

namespace PlacementEngine.Benchmarks;

/// <summary>What one benchmark run does. Defaults are named constants; <see cref="OptionParser"/> reports every bad value at once.</summary>
public sealed class BenchmarkOptions
{
    public const ScenarioSize DefaultSize = ScenarioSize.M;
    public const int DefaultSeed = 1;
    public const double DefaultExactSeconds = 60;
    public const double MaxExactSeconds = 3600;
    public const int DefaultSamples = 1_000;
    public const int MaxSamples = 1_000_000;

    public ScenarioSize Size { get; set; } = DefaultSize;

    /// <summary>The scenario seeds, in order: one from --seed (or the default), many from --seeds.</summary>
    public IReadOnlyList<int> Seeds { get; set; } = [DefaultSeed];

    /// <summary>The variant whose pools have free nodes for only about half of what the jobs need.</summary>
    public bool Contended { get; set; }

    public OutputFormat Format { get; set; } = OutputFormat.Table;

    /// <summary>Solver names in the order asked for; null means every registered solver that suits the size.</summary>
    public IReadOnlyList<string>? Solvers { get; set; }

    /// <summary>The exact solver's time limit per solve, more than 0 and at most an hour.</summary>
    public double ExactSeconds { get; set; } = DefaultExactSeconds;

    /// <summary>The engine under the exact solver.</summary>
    public PlacementEngine.Solvers.OrTools.ExactBackend ExactBackend { get; set; } = PlacementEngine.Solvers.OrTools.ExactBackend.Cbc;

    /// <summary>The fast solver's target gap (<see cref="PlacementEngine.Core.FastSolverOptions.TargetGap"/>), 0 to 1.</summary>
    public double FastTargetGap { get; set; } = PlacementEngine.Core.FastSolverOptions.DefaultTargetGap;

    /// <summary>Print each phase of every fast solve, with the seconds since the solve began, to standard error.</summary>
    public bool FastTrace { get; set; }

    /// <summary>The shared data folder; null finds ../shared/data next to the checkout.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Time placing one job at a time against the size's fleet instead of solving the whole queue.</summary>
    public bool SingleJob { get; set; }

    /// <summary>Jobs timed one at a time in single-job mode.</summary>
    public int Samples { get; set; } = DefaultSamples;

    /// <summary>
    /// Each solver first solves the S scenario of the same seed, untimed, so the timed solve runs compiled code as a
    /// long-running service does, not the runtime's first-call compilation.
    /// </summary>
    public bool Warmup { get; set; } = true;

    public bool Help { get; set; }
}
