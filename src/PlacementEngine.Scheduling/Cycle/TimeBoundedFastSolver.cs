using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// The fast solver with a time budget per solve. The core has no clock, so the deadline reaches it through
/// <see cref="FastSolverOptions.ShouldStop"/>: once it passes, the search takes no more price iterations or polish
/// rounds and goes on to its final improvement and bound, so a solve overruns the budget by that last phase only.
/// Each solve's deadline lives in its own async flow: what-if solves may run beside a cycle's on the same instance.
/// </summary>
public sealed class TimeBoundedFastSolver : IPlacementSolver
{
    private static readonly AsyncLocal<long> Deadline = new();

    private readonly FastSolver _inner;
    private readonly TimeProvider _time;

    public TimeBoundedFastSolver(TimeSpan budget, TimeProvider time)
    {
        if (budget <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "the fast solver's time budget must be positive");
        }
        Budget = budget;
        _time = time;
        _inner = new FastSolver(new FastSolverOptions { ShouldStop = Expired });
    }

    public string Name => _inner.Name;

    public TimeSpan Budget { get; }

    public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default)
    {
        var outer = Deadline.Value;
        Deadline.Value = _time.GetTimestamp() + (long)(Budget.TotalSeconds * _time.TimestampFrequency);
        try
        {
            return _inner.Solve(problem, cancellationToken);
        }
        finally
        {
            Deadline.Value = outer;
        }
    }

    private bool Expired()
    {
        var deadline = Deadline.Value;
        return deadline != 0 && _time.GetTimestamp() >= deadline;
    }
}
