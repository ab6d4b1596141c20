using System.Globalization;
using System.Runtime.InteropServices;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>Loads a <see cref="PlacementMip"/> into a fresh CBC model, solves it, reads the answer and frees the model.</summary>
internal static class CbcRunner
{
    /// <summary>CBC reports "no solution" and "no bound" with huge sentinels (1e50, DBL_MAX); no real plan is worth this much.</summary>
    private const double NoValue = 1e20;

    private const byte LessOrEqual = (byte)'L';

    /// <summary>
    /// Cbc_solve runs CBC's command-line driver, which in 2.10 keeps some of its state in process-wide globals,
    /// so two solves must not run at the same time even on separate models.
    /// </summary>
    private static readonly Lock SolveLock = new();

    /// <param name="start">A feasible solution CBC starts from, one value per column of the MIP.</param>
    public static CbcRun Solve(PlacementMip mip, double[] start, CbcSolverOptions options)
    {
        using var model = CbcNative.Cbc_newModel();
        if (model.IsInvalid)
        {
            throw new InvalidOperationException("CBC could not create a model");
        }
        Configure(model, options);
        Load(model, mip);
        double[] startWithConstant = [.. start, 1];
        CbcNative.Cbc_setMIPStartI(model, startWithConstant.Length, Enumerable.Range(0, startWithConstant.Length).ToArray(), startWithConstant);
        lock (SolveLock)
        {
            CbcNative.Cbc_solve(model);
        }
        return new CbcRun(ReadSolution(model, mip.Columns.Count), StatusOf(model, options), ReadBound(model));
    }

    private static void Configure(CbcModelHandle model, CbcSolverOptions options)
    {
        CbcNative.Cbc_setParameter(model, "log", "0");
        // CBC counts CPU seconds unless told otherwise; the scheduler's time budget is wall-clock time.
        CbcNative.Cbc_setParameter(model, "timeMode", "elapsed");
        CbcNative.Cbc_setParameter(model, "seconds", Format(options.TimeLimit.TotalSeconds));
        if (options.RelativeGap is { } gap)
        {
            CbcNative.Cbc_setParameter(model, "ratioGap", Format(gap));
        }
        // CBC's default is its serial search; asking for one thread would start the parallel search with one worker.
        if (options.Threads > 1)
        {
            CbcNative.Cbc_setParameter(model, "threads", options.Threads.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Load(CbcModelHandle model, PlacementMip mip)
    {
        for (var i = 0; i < mip.Columns.Count; i++)
        {
            CbcNative.Cbc_addCol(model, $"x{i}", 0, 1, mip.Columns[i].Objective, isInteger: 1, 0, null, null);
        }
        // The constant enters as a column fixed at 1, so that CBC's objective, bound and relative gap are those of the
        // whole objective, the same numbers the plan reports; CBC's C interface has no objective offset.
        CbcNative.Cbc_addCol(model, "constant", 1, 1, (double)mip.Constant.Dollars, isInteger: 0, 0, null, null);
        for (var i = 0; i < mip.Rows.Count; i++)
        {
            var row = mip.Rows[i];
            CbcNative.Cbc_addRow(model, $"r{i}", row.Columns.Length, row.Columns, row.Coefficients, LessOrEqual, row.UpperBound);
        }
        CbcNative.Cbc_setObjSense(model, 1);
        var loaded = CbcNative.Cbc_getNumCols(model);
        if (loaded != mip.Columns.Count + 1)
        {
            throw new InvalidOperationException($"CBC holds {loaded} columns, {mip.Columns.Count + 1} were added");
        }
    }

    private static double[]? ReadSolution(CbcModelHandle model, int columns)
    {
        var pointer = CbcNative.Cbc_getColSolution(model);
        var objective = CbcNative.Cbc_getObjValue(model);
        if (pointer == IntPtr.Zero || CbcNative.Cbc_isProvenInfeasible(model) != 0 || !(Math.Abs(objective) < NoValue))
        {
            return null;
        }
        var values = new double[columns];
        Marshal.Copy(pointer, values, 0, columns);
        return values;
    }

    private static double? ReadBound(CbcModelHandle model)
    {
        var bound = CbcNative.Cbc_getBestPossibleObjValue(model);
        return Math.Abs(bound) < NoValue ? bound : null;
    }

    private static CbcStatus StatusOf(CbcModelHandle model, CbcSolverOptions options)
    {
        if (CbcNative.Cbc_isAbandoned(model) != 0)
        {
            return CbcStatus.Abandoned;
        }
        if (CbcNative.Cbc_isProvenOptimal(model) != 0)
        {
            // CBC also calls a search that stopped on the requested gap optimal; what is left of the gap tells them apart.
            return options.RelativeGap > 0 && OpenGap(model) ? CbcStatus.WithinGap : CbcStatus.Optimal;
        }
        return CbcNative.Cbc_isSecondsLimitReached(model) != 0 ? CbcStatus.TimeLimit : CbcStatus.Stopped;
    }

    private static bool OpenGap(CbcModelHandle model)
    {
        var best = CbcNative.Cbc_getObjValue(model);
        var bound = CbcNative.Cbc_getBestPossibleObjValue(model);
        return best - bound > 1e-9 * Math.Max(1, Math.Abs(best));
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
