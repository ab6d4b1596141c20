namespace PlacementEngine.Core;

/// <summary>
/// The second dual phase: from the subgradient's best prices, rounds of coordinate ascent with a shrinking overshoot
/// (<see cref="CoordinateAscent.Epsilon"/>), each followed by column generation, since the ascent only sees listed
/// pools and a price it lowers may draw jobs to pools they do not list yet.
/// </summary>
internal sealed class PricePolish(PreparedProblem problem, CandidateList[] lists, ColumnPricing pricing)
{
    private const int SweepsPerRound = 3;
    private const double FirstOvershootShare = 0.1 / OvershootShrink;
    private const double OvershootShrink = 3;

    private readonly CoordinateAscent _ascent = new(problem);

    public int ColumnsAdded { get; private set; }

    /// <summary>
    /// Polished prices, starting from <paramref name="start"/> (left unchanged); the table may be rebuilt. After each
    /// round <paramref name="planAt"/> builds a plan from the prices and returns its objective; the rounds end once
    /// that stalls (<see cref="WhilePaying"/>): on L seeds 5 to 7 contended the plans of later rounds gained nothing.
    /// </summary>
    public DualPrices Run(DualPrices start, ref CandidateTable table, int rounds, Func<bool> shouldStop, Func<DualPrices, CandidateTable, decimal> planAt)
    {
        var prices = start.Clone();
        // The overshoot starts at a tenth of a typical contested price and shrinks every round.
        var contested = prices.Pool.Where(p => p > 0).DefaultIfEmpty(0d).Average();
        _ascent.Epsilon = FirstOvershootShare * contested;
        var lastPlan = decimal.MaxValue;
        for (var round = 0; round < rounds && !shouldStop(); round++)
        {
            for (var sweep = 0; sweep < SweepsPerRound; sweep++)
            {
                _ascent.Sweep(table, prices);
            }
            _ascent.Epsilon /= OvershootShrink;
            var added = pricing.AddColumns(prices);
            ColumnsAdded += added;
            if (added > 0)
            {
                table = new CandidateTable(problem, lists);
            }
            var plan = planAt(prices, table);
            if (round > 0 && WhilePaying.Stalled(lastPlan, plan))
            {
                break;
            }
            lastPlan = Math.Min(lastPlan, plan);
        }
        return prices;
    }
}
