namespace PlacementEngine.LoadGen.Load;

/// <summary>One measured run: what was sent, how it was answered, how fast and how long it took.</summary>
/// <param name="Errors">Failed requests by gRPC status name (or the mode's own reason, e.g. "not-placed-in-time").</param>
/// <param name="Elapsed">From the run's start to the last answer.</param>
internal sealed record RunResult(string Name, long Requests, long Ok, IReadOnlyDictionary<string, long> Errors, TimeSpan Elapsed, LatencySummary Latency)
{
    /// <summary>Answered requests per second, failures included, as ghz and h2load count them.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    /// <summary>Failed requests as "Name=count" pairs in name order, separated by ';' (one CSV field).</summary>
    public string ErrorText => string.Join(';', Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
}
