using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Cbc;

/// <summary>Binary x = 1 when job number <paramref name="Job"/> (its index in the problem) runs on <paramref name="Candidate"/>.</summary>
/// <param name="Objective">cost − the job's pending penalty: what placing it changes in the objective.</param>
internal sealed record MipColumn(int Job, Candidate Candidate, double Objective);

internal enum MipRowKind
{
    OnePoolPerJob,
    PoolNodes,
    GpuCap,
    Budget,
}

/// <summary>Σ Coefficients[i] · x[Columns[i]] ≤ UpperBound. <paramref name="Subject"/> names the job, pool, cap or team.</summary>
internal sealed record MipRow(MipRowKind Kind, string Subject, int[] Columns, double[] Coefficients, double UpperBound);

/// <summary>
/// The placement problem as a 0-1 program: minimise <see cref="Constant"/> + Σ Objective·x subject to every row.
/// The constant is every job's pending penalty, so a plan's objective is its placed cost plus the penalties of the
/// jobs it leaves pending, and the all-zero solution (place nothing) is always feasible.
/// </summary>
internal sealed record PlacementMip(IReadOnlyList<MipColumn> Columns, IReadOnlyList<MipRow> Rows, Money Constant);
