using PlacementEngine.Core;

namespace PlacementEngine.Solvers.OrTools;

/// <summary>
/// CP-SAT takes whole numbers only, and the MIP backends are given the same numbers so all three solve one problem: dollars are counted in units of <see cref="Resolution"/>, a millionth of a dollar.
/// The cost model rounds every cost term to the millionth, so at that resolution every cost, penalty and budget is a
/// whole number of units and each backend solves exactly the decimal problem: nothing is lost. Only when the objective could
/// exceed 2^53 units (about $9 billion), where the backends' double-valued objective and bound stop being exact, is the unit
/// coarsened tenfold at a time; costs are then rounded, budget rows conservatively (uses up, limits down), and the
/// bound lowered by the rounding it may hide (<see cref="BoundSlack"/>).
/// </summary>
internal sealed record CostScale(decimal Resolution, bool Exact)
{
    public const decimal Finest = 0.000001m;

    /// <summary>2^53: integers up to this are exact in a double.</summary>
    public const decimal MaxUnits = 9_007_199_254_740_992m;

    public static CostScale For(PlacementModel model)
    {
        // A plan takes at most one column per job, so the objective is at most the constant plus each job's largest term.
        var largest = model.Columns.GroupBy(c => c.Job).Sum(g => g.Max(c => Math.Abs(c.Objective)));
        var magnitude = model.Constant.Dollars + largest;
        var resolution = Finest;
        while (magnitude / resolution > MaxUnits)
        {
            resolution *= 10;
        }
        var exact = model.Columns.All(c => IsWhole(c.Objective / resolution))
            && model.Rows.Where(r => r.Kind == ModelRowKind.Budget)
                .All(r => IsWhole(r.Capacity / resolution) && r.Coefficients.All(x => IsWhole(x / resolution)));
        return new CostScale(resolution, exact);
    }

    public long Nearest(decimal dollars) => (long)decimal.Round(dollars / Resolution, MidpointRounding.ToEven);

    /// <summary>A budget row's use, rounded up so the solver never believes a plan cheaper than it is.</summary>
    public long Up(decimal amount) => (long)decimal.Ceiling(amount / Resolution);

    /// <summary>A budget row's limit, rounded down for the same reason.</summary>
    public long Down(decimal amount) => (long)decimal.Floor(amount / Resolution);

    public Money Dollars(double units) => Money.Of((decimal)units * Resolution);

    /// <summary>How far the scaled objective of any plan can sit below its true objective: half a unit per job placed.</summary>
    public Money BoundSlack(int jobs) => Exact ? Money.Zero : Money.Of(jobs * Resolution / 2);

    private static bool IsWhole(decimal units) => units == decimal.Truncate(units);
}
