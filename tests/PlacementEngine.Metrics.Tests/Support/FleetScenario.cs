using PlacementEngine.Core;
using PlacementEngine.Metrics.Tests.Fakes;
using PlacementEngine.TestKit;

namespace PlacementEngine.Metrics.Tests.Support;

/// <summary>Fakes behind a <see cref="PlacementMetrics"/>: tests fill the store and sources, then scrape.</summary>
internal sealed class FleetScenario
{
    public const string AwsSpot = "aws-use1/p4d.24xlarge/spot";
    public const string AwsOnDemand = "aws-use1/p4d.24xlarge/on-demand";
    public const string GcpSpot = "gcp-euw4/a2-highgpu-8g/spot";

    public FakeJobStore Store { get; } = new();

    public FakeBudgetSource Budgets { get; } = new();

    public FakeFleetSource Fleet { get; } = new(Fleets.Make()
        .Cluster("aws-use1", "aws:us-east-1")
        .Pool("p4d.24xlarge", "A100", 8, CapacityType.Spot, 9.83m, 10)
        .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 32.77m, 4)
        .Cluster("gcp-euw4", "gcp:europe-west4")
        .Pool("a2-highgpu-8g", "A100", 8, CapacityType.Spot, 8.81m, 6)
        .Fleet());

    public FakePriceSource Prices { get; } = new(new PriceBook(42, new Dictionary<PriceKey, Money>()));

    public PlacementMetrics CreateSut() => new(Store, Fleet, Prices, Budgets);
}
