namespace PlacementEngine.Core;

/// <summary>
/// The lowest hourly price an import or an override may set without the admin saying so. A node priced at zero (or
/// at 1e-31 dollars) looks free to the solver, which then puts every job it can on it; the cheapest real node in the
/// shared catalogs costs about $0.003 an hour, thirty times this floor, so only a mistake or a deliberate
/// "this pool is free" (an owned on-prem pool) goes below it, and the latter is what the allow flag is for.
/// </summary>
public static class PriceFloor
{
    public const decimal MinHourly = 0.0001m;
}
