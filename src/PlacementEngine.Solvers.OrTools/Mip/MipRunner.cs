using Google.OrTools.LinearSolver;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>Loads a <see cref="PlacementModel"/> into OR-Tools' MPSolver (a MIP backend such as CBC or SCIP), solves it and reads the answer.</summary>
internal static class MipRunner
{
    /// <param name="options">Its <see cref="ExactSolverOptions.Backend"/> picks the engine: SCIP, or CBC for anything else.</param>
    public static BackendRun Solve(PlacementModel model, CostScale scale, bool[] hint, ExactSolverOptions options, CancellationToken cancellationToken)
    {
        var backend = options.Backend == ExactBackend.Scip ? "SCIP" : "CBC";
        using var solver = Solver.CreateSolver(backend) ?? throw new InvalidOperationException($"OR-Tools has no {backend} backend here");
        var x = model.Columns.Select((_, i) => solver.MakeBoolVar($"x{i}")).ToArray();
        foreach (var row in model.Rows)
        {
            var constraint = solver.MakeConstraint(double.NegativeInfinity, row.Kind == ModelRowKind.Budget ? scale.Down(row.Capacity) : (double)row.Capacity);
            for (var i = 0; i < row.Columns.Length; i++)
            {
                constraint.SetCoefficient(x[row.Columns[i]], row.Kind == ModelRowKind.Budget ? scale.Up(row.Coefficients[i]) : (double)row.Coefficients[i]);
            }
        }
        var objective = solver.Objective();
        for (var i = 0; i < x.Length; i++)
        {
            objective.SetCoefficient(x[i], scale.Nearest(model.Columns[i].Objective));
        }
        objective.SetOffset(scale.Nearest(model.Constant.Dollars));
        objective.SetMinimization();
        solver.SetHint(x, hint.Select(h => h ? 1.0 : 0.0).ToArray());
        solver.SetTimeLimit((long)options.TimeLimit.TotalMilliseconds);
        if (options.Backend != ExactBackend.Cbc)
        {
            // OR-Tools' CBC is built without threads: it rejects the option by printing to standard output every solve.
            solver.SetNumThreads(options.Workers);
        }

        var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.RelativeGap ?? 0);
        Solver.ResultStatus status;
        using (cancellationToken.Register(() => solver.InterruptSolve()))
        {
            status = solver.Solve(parameters);
        }
        var found = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        // Every coefficient is a whole number of units, so every plan's objective is too: the bound may be rounded up to
        // the next unit (less a hair of floating-point noise), and a plan within half a unit of it is optimal.
        var bound = Math.Ceiling(objective.BestBound() - FloatingNoise);
        var state = status switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value() - bound < 0.5 ? ExactStatus.Optimal : ExactStatus.WithinGap,
            _ when cancellationToken.IsCancellationRequested => ExactStatus.Stopped,
            _ => ExactStatus.TimeLimit,
        };
        return new BackendRun(
            found ? x.Select(v => v.SolutionValue() > 0.5).ToArray() : null,
            state,
            found ? Math.Round(objective.Value()) : null,
            found ? bound : null);
    }

    private const double FloatingNoise = 1e-6;
}
