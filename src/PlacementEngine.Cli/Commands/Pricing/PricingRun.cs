using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>What one "placectl pricing" invocation works with: the pricing API, the output, and stderr for progress.</summary>
internal sealed class PricingRun(IPricingApi api, OutputWriter output, TextWriter stderr) : IDisposable
{
    public IPricingApi Api => api;

    public OutputWriter Output => output;

    /// <summary>Progress and hints, kept out of the data on stdout.</summary>
    public TextWriter Stderr => stderr;

    public void Dispose() => api.Dispose();
}
