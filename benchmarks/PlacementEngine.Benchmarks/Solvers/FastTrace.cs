using System.Diagnostics;
using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks;

/// <summary>--fast-trace: each phase of a fast solve with the seconds since its first phase's solve began.</summary>
public static class FastTrace
{
    /// <summary>The progress callback for the options, or null when tracing is off.</summary>
    public static Action<FastSolverProgress>? For(BenchmarkOptions options) => options.FastTrace ? Writer(Console.Error) : null;

    /// <summary>
    /// Writes a line per phase; the clock starts when the solver is created, which the registry does right before each
    /// solve, and restarts after every "done".
    /// </summary>
    public static Action<FastSolverProgress> Writer(TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        return progress =>
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var gap = PlacementGap.Relative(Money.Of(progress.Objective), Money.Of(progress.LowerBound));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fast trace {seconds,7:0.000} s  {progress.Phase,-20} objective {progress.Objective,20:N2}  bound {progress.LowerBound,20:N2}  gap {gap:0.00%}"));
            if (progress.Phase == "done")
            {
                started = Stopwatch.GetTimestamp();
            }
        };
    }
}
