using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>The fleet as configured, with the health the dispatchers last saw.</summary>
public interface IFleetSource
{
    Fleet Current { get; }

    /// <summary>Increases whenever the fleet or its health changes, so Unschedulable jobs are looked at again.</summary>
    long Generation { get; }
}

/// <summary>The active price book.</summary>
public interface IPriceSource
{
    PriceBook Active { get; }

    /// <summary>Loads the active book again if it changed; the cycle calls it first, so a new book counts from the next cycle.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}

/// <summary>Each team's budget for its jobs' total cost; a team with none is not limited.</summary>
public interface IBudgetSource
{
    IReadOnlyDictionary<string, Money> Budgets { get; }
}
