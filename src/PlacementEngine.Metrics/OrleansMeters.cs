using System.Diagnostics.Metrics;
using Prometheus;

namespace PlacementEngine.Metrics;

/// <summary>
/// Exports Orleans' own meters (activations, messages, membership) into our registry through prometheus-net's meter
/// adapter, so each silo's /metrics shows them beside ours. Only Orleans' meters: the rest of .NET's meters would add
/// hundreds of series no dashboard of ours reads. And only their counters and gauges: Orleans records its histograms
/// (request and activation latencies) on every grain call, and passing each of those through the adapter cost about
/// 5% of a submission's CPU.
/// </summary>
public static class OrleansMeters
{
    /// <summary>The prefix of the meters Orleans publishes its instruments on.</summary>
    public const string MeterPrefix = "Microsoft.Orleans";

    /// <summary>Starts exporting; dispose the result to stop.</summary>
    public static IDisposable ExportTo(CollectorRegistry registry) => MeterAdapter.StartListening(new MeterAdapterOptions
    {
        Registry = registry,
        MetricFactory = Prometheus.Metrics.WithCustomRegistry(registry),
        InstrumentFilterPredicate = IsOrleans,
    });

    public static bool IsOrleans(Instrument instrument) =>
        instrument.Meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal) && !IsHistogram(instrument);

    private static bool IsHistogram(Instrument instrument) =>
        instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);
}
