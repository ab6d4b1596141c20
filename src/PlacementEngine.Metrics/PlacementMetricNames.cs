namespace PlacementEngine.Metrics;

/// <summary>Metric names as the architecture lists them; dashboards and alerts depend on these exact strings.</summary>
public static class PlacementMetricNames
{
    public const string Jobs = "placement_jobs";
    public const string SpendDollars = "placement_spend_dollars_total";
    public const string BudgetRemainingDollars = "placement_budget_remaining_dollars";
    public const string PendingJobs = "placement_pending_jobs";
    public const string SolveDuration = "placement_solve_duration_seconds";
    public const string CycleDuration = "placement_cycle_duration_seconds";
    public const string SubmitToPlace = "placement_submit_to_place_seconds";
    public const string Preemptions = "placement_preemptions_total";
    public const string Failovers = "placement_failovers_total";
    public const string DispatchErrors = "placement_dispatch_errors_total";
    public const string PoolNodes = "placement_pool_nodes";
    public const string PriceBookVersion = "placement_price_book_version";
}
