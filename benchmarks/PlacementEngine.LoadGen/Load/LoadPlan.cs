namespace PlacementEngine.LoadGen.Load;

/// <summary>How one run issues its requests.</summary>
/// <param name="Concurrency">Callers, each with at most one call in flight.</param>
/// <param name="Count">Requests to issue; null: until <paramref name="Duration"/> ends.</param>
/// <param name="Duration">How long to issue requests; null: until <paramref name="Count"/> is reached.</param>
internal sealed record LoadPlan(int Concurrency, RateSchedule Schedule, long? Count, TimeSpan? Duration)
{
    /// <summary>The last request index plus one. An open-loop run of a fixed length issues exactly what its schedule puts in it.</summary>
    public long Limit => Math.Min(Count ?? long.MaxValue, Duration is { } d ? Schedule.DueWithin(d) : long.MaxValue);
}

/// <summary>One request to make: its number in the run (from 0) and when it was due, from the run's start.</summary>
internal readonly record struct Request(long Index, TimeSpan Due);
