namespace PlacementEngine.LoadGen.Load;

/// <summary>
/// When request number i is due. Open loop (a rate): request i is due i / rate seconds after the start, whether or
/// not earlier calls have answered, and its latency counts from that moment, so a slow server cannot hide its
/// stalls by slowing the client down (coordinated omission). Closed loop (no rate): due at once.
/// </summary>
internal sealed class RateSchedule(double? ratePerSecond)
{
    public bool IsOpenLoop => ratePerSecond is not null;

    /// <summary>Offset from the run's start at which request <paramref name="index"/> (from 0) is due; zero in a closed loop.</summary>
    public TimeSpan DueAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return ratePerSecond is { } rate ? TimeSpan.FromTicks((long)Math.Round(index * (TimeSpan.TicksPerSecond / rate))) : TimeSpan.Zero;
    }

    /// <summary>How long to wait before sending a request due at <paramref name="due"/> when <paramref name="elapsed"/> has passed; zero when late.</summary>
    public static TimeSpan WaitFor(TimeSpan due, TimeSpan elapsed) => due > elapsed ? due - elapsed : TimeSpan.Zero;

    /// <summary>Requests due within <paramref name="duration"/>: a run of a fixed length at a rate issues exactly these.</summary>
    public long DueWithin(TimeSpan duration) =>
        ratePerSecond is { } rate ? (long)Math.Ceiling(duration.TotalSeconds * rate - 1e-9) : long.MaxValue;
}
