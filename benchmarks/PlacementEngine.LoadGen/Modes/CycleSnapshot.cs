namespace PlacementEngine.LoadGen.Modes;

/// <summary>The server's scheduling figures at one scrape.</summary>
internal sealed record CycleSnapshot(double Cycles, double CycleSeconds, double Solves, double SolveSeconds, double? PendingJobs, double? ResidentBytes)
{
    public const string CycleDuration = "placement_cycle_duration_seconds";
    public const string SolveDuration = "placement_solve_duration_seconds";

    public static CycleSnapshot Parse(string exposition) => new(
        PrometheusText.Sum(exposition, CycleDuration + "_count") ?? 0,
        PrometheusText.Sum(exposition, CycleDuration + "_sum") ?? 0,
        PrometheusText.Sum(exposition, SolveDuration + "_count") ?? 0,
        PrometheusText.Sum(exposition, SolveDuration + "_sum") ?? 0,
        PrometheusText.Sum(exposition, "placement_pending_jobs"),
        PrometheusText.Sum(exposition, "process_working_set_bytes"));

    /// <summary>Mean seconds of the cycles that ended between <paramref name="earlier"/> and this scrape; null when none did.</summary>
    public double? MeanCycleSecondsSince(CycleSnapshot earlier) =>
        Cycles > earlier.Cycles ? (CycleSeconds - earlier.CycleSeconds) / (Cycles - earlier.Cycles) : null;

    /// <summary>Mean seconds of the solves that ended between <paramref name="earlier"/> and this scrape; null when none did.</summary>
    public double? MeanSolveSecondsSince(CycleSnapshot earlier) =>
        Solves > earlier.Solves ? (SolveSeconds - earlier.SolveSeconds) / (Solves - earlier.Solves) : null;
}
