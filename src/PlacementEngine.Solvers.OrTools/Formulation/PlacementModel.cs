using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>Binary x = 1 when job number <paramref name="Job"/> (its index in the problem) runs on <paramref name="Candidate"/>.</summary>
/// <param name="Objective">cost − the job's pending penalty: what placing it changes in the objective, exact in decimal.</param>
internal sealed record ModelColumn(int Job, Candidate Candidate, decimal Objective);

internal enum ModelRowKind
{
    OnePoolPerJob,
    PoolNodes,
    GpuCap,
    Budget,
}

/// <summary>
/// Σ Coefficients[i] · x[Columns[i]] ≤ Capacity, in exact decimals (nodes, GPUs or dollars).
/// <paramref name="Subject"/> names the job, pool, cap or team.
/// </summary>
internal sealed record ModelRow(ModelRowKind Kind, string Subject, int[] Columns, decimal[] Coefficients, decimal Capacity);

/// <summary>
/// The placement problem as a 0-1 program: minimise <see cref="Constant"/> + Σ Objective·x subject to every row.
/// The constant is every job's pending penalty, so a plan's objective is its placed cost plus the penalties of the
/// jobs it leaves pending, and the all-zero solution (place nothing) is always feasible.
/// </summary>
internal sealed record PlacementModel(IReadOnlyList<ModelColumn> Columns, IReadOnlyList<ModelRow> Rows, Money Constant);
