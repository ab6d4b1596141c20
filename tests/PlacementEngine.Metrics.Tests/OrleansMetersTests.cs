using System.Diagnostics.Metrics;
using PlacementEngine.Metrics.Tests.Support;

namespace PlacementEngine.Metrics.Tests;

public sealed class OrleansMetersTests
{
    [Fact]
    public async Task ExportTo_OrleansAndOtherMeters_OnlyOrleansCountersAndGaugesReachTheScrape()
    {
        var sut = new FleetScenario().CreateSut();
        // Unique names: meter listeners are process-wide, and tests run in parallel.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var orleans = new Meter(OrleansMeters.MeterPrefix);
        using var other = new Meter("System.Net.Http.Test" + suffix);
        var messages = orleans.CreateCounter<long>($"orleans-test-messages-{suffix}");
        var requests = other.CreateCounter<long>($"other-test-requests-{suffix}");
        var latency = orleans.CreateHistogram<double>($"orleans-test-latency-{suffix}");
        orleans.CreateObservableGauge($"orleans-test-activations-{suffix}", () => 7);

        using (OrleansMeters.ExportTo(sut.Registry))
        {
            messages.Add(3);
            requests.Add(5);
            latency.Record(1.5);
            var text = await sut.ScrapeAsync(CancellationToken.None);

            // The adapter names a series after its meter and instrument.
            var line = Assert.Single(text.Split('\n'), l => l.StartsWith($"microsoft_orleans_orleans_test_messages_{suffix} ", StringComparison.Ordinal));
            Assert.EndsWith(" 3", line);
            Assert.DoesNotContain($"other_test_requests_{suffix}", text);
            Assert.DoesNotContain($"orleans_test_latency_{suffix}", text);
            Assert.Contains($"microsoft_orleans_orleans_test_activations_{suffix} 7", text);
        }
    }
}
