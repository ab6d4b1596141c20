using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.Solvers.Tests;

/// <summary>Scenarios are reproducible from their seed and hold the real catalog prices and trace jobs.</summary>
public sealed class ScenarioGeneratorTests
{
    private static readonly ScenarioGenerator Generator = ScenarioGenerator.Shared;

    [Theory]
    [InlineData(ScenarioSize.S, 1, false)]
    [InlineData(ScenarioSize.S, 7, true)]
    [InlineData(ScenarioSize.M, 3, true)]
    public void Generate_SameSeed_GivesTheSameProblem(ScenarioSize size, int seed, bool contended)
    {
        var fresh = new ScenarioGenerator(ScenarioData.Load(SharedDataDirectory.Locate()));

        var first = Generator.Generate(size, seed, contended);
        var second = fresh.Generate(size, seed, contended);

        Assert.Equal(ScenarioFingerprint.Of(first.Problem), ScenarioFingerprint.Of(second.Problem));
        Assert.Equal(first.Description, second.Description);
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentProblems()
    {
        var fingerprints = Enumerable.Range(1, 5).Select(seed => ScenarioFingerprint.Of(Generator.Generate(ScenarioSize.S, seed, contended: false).Problem));

        Assert.Equal(5, fingerprints.Distinct().Count());
    }

    [Theory]
    [InlineData(ScenarioSize.S, 50, 40)]
    [InlineData(ScenarioSize.M, 1_000, 300)]
    [InlineData(ScenarioSize.L, 10_000, 1_000)]
    [InlineData(ScenarioSize.XL, 50_000, 2_000)]
    public void Generate_EachSize_HasExactlyItsJobsAndPools(ScenarioSize size, int jobs, int pools)
    {
        var problem = Generator.Generate(size, seed: 2, contended: true).Problem;

        Assert.Equal(jobs, problem.Jobs.Count);
        Assert.Equal(pools, problem.Fleet.Pools.Count);
        Assert.Equal(jobs, problem.Jobs.Select(j => j.Id).Distinct().Count());
        Assert.All(problem.Fleet.Pools, p => Assert.True(p.MaxNodes >= 1, $"{p.Name} has no nodes at all"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generate_EveryPoolPrice_IsItsCatalogRow(int seed)
    {
        var data = ScenarioData.Shared;
        var offers = data.Offers.ToLookup(o => (o.Region, o.Zone, o.Type.Name));
        var problem = Generator.Generate(ScenarioSize.M, seed, contended: false).Problem;

        foreach (var pool in problem.Fleet.Pools)
        {
            var cluster = problem.Fleet.ClusterOf(pool);
            var offer = Assert.Single(offers[(cluster.Region, pool.Zone, pool.InstanceType.Name)]);
            Assert.Equal(offer.Type, pool.InstanceType);
            Assert.True(problem.Prices.TryGetHourly(PriceKey.For(cluster, pool), out var price), $"no price for {pool.Name}");
            Assert.Equal(offer.PriceFor(pool.CapacityType), price);
        }
        var keys = problem.Fleet.Pools.Select(p => PriceKey.For(problem.Fleet.ClusterOf(p), p)).Distinct().Count();
        Assert.Equal(keys, problem.Prices.Count);
    }

    [Fact]
    public void Generate_Jobs_KeepTheTracesGpusDurationsAndSubmitOrder()
    {
        var data = ScenarioData.Shared;
        var byRow = data.Trace.ToDictionary(t => t.Row);
        var scenario = Generator.Generate(ScenarioSize.M, seed: 4, contended: false);

        var rows = scenario.Problem.Jobs.Select(j => byRow[int.Parse(j.Spec.Name["philly-".Length..], System.Globalization.CultureInfo.InvariantCulture)]).ToList();

        Assert.Equal(data.Trace.Skip(scenario.Stats.TraceFirstIndex).Take(rows.Count), rows);
        foreach (var (job, row) in scenario.Problem.Jobs.Zip(rows))
        {
            Assert.Equal(row.Gpus, job.Spec.Workers * job.Spec.Worker.Gpus);
            Assert.Equal(TimeSpan.FromSeconds(row.DurationSeconds), job.Spec.EstimatedRuntime);
            Assert.Equal($"vc-{row.VirtualCluster}", job.Spec.Team);
            Assert.True(job.Spec.Worker.Gpus <= GangShape.MaxGpusPerWorker);
        }
    }

    [Fact]
    public void Generate_Residency_MixesEuOnlyUsOnlyAndAnywhere()
    {
        var jobs = Generator.Generate(ScenarioSize.M, seed: 5, contended: false).Problem.Jobs;

        var eu = jobs.Count(j => j.Spec.Residency.Jurisdictions.SequenceEqual([Jurisdiction.Eu]));
        var us = jobs.Count(j => j.Spec.Residency.Jurisdictions.SequenceEqual([new Jurisdiction("US")]));
        var anywhere = jobs.Count(j => j.Spec.Residency == Residency.Anywhere);

        Assert.Equal(jobs.Count, eu + us + anywhere);
        Assert.InRange(eu, 250, 350);
        Assert.InRange(us, 250, 350);
        Assert.InRange(anywhere, 350, 450);
    }

    [Fact]
    public void Generate_Fleet_SpansUsEuAndOtherJurisdictionsWithDataInAllowedRegions()
    {
        var problem = Generator.Generate(ScenarioSize.M, seed: 6, contended: false).Problem;
        var jurisdictions = problem.Fleet.Pools.GroupBy(p => RegionClasses.Of(problem.Fleet.ClusterOf(p).Jurisdiction)).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(jurisdictions[RegionClass.Us], 100, 140);
        Assert.InRange(jurisdictions[RegionClass.Eu], 100, 140);
        Assert.InRange(jurisdictions[RegionClass.Other], 40, 80);
        Assert.All(problem.Fleet.Clusters, c => Assert.Single(problem.Fleet.Pools.Where(p => p.Cluster == c.Name).Select(p => problem.Fleet.ClusterOf(p).Region).Distinct()));
        var fleetRegions = problem.Fleet.Clusters.Select(c => c.Region).ToHashSet();
        foreach (var job in problem.Jobs.Where(j => j.Spec.Data is not null))
        {
            Assert.Contains(job.Spec.Data!.Region, fleetRegions);
            Assert.True(RegionDirectory.Default.TryGet(job.Spec.Data.Region, out var info));
            Assert.True(job.Spec.Residency.Jurisdictions.Count == 0 || job.Spec.Residency.Jurisdictions.Contains(info.Jurisdiction));
        }
    }

    [Theory]
    [InlineData(ScenarioSize.S)]
    [InlineData(ScenarioSize.M)]
    [InlineData(ScenarioSize.L)]
    public void Generate_Contended_HasFewerFreeNodesThanTheJobsNeed(ScenarioSize size)
    {
        var contended = Generator.Generate(size, seed: 1, contended: true);
        var ample = Generator.Generate(size, seed: 1, contended: false);

        Assert.Equal(contended.Problem.Fleet.Pools.Sum(p => contended.Problem.FreeNodes(p)), contended.Stats.FreeNodes);
        Assert.Equal(contended.Problem.Jobs.Sum(j => j.Spec.Workers), contended.Stats.DemandNodes);
        Assert.True(contended.Stats.FreeNodes < 0.7 * contended.Stats.DemandNodes, contended.Description);
        Assert.True(ample.Stats.FreeNodes > 1.5 * ample.Stats.DemandNodes, ample.Description);
    }

    [Fact]
    public void Generate_SomeClustersCapGpusAndSomeTeamsHaveTightBudgets()
    {
        var scenario = Generator.Generate(ScenarioSize.M, seed: 1, contended: true);
        var problem = scenario.Problem;

        var capped = problem.Fleet.Clusters.Where(c => c.GpuCaps.Count > 0).ToList();
        Assert.NotEmpty(capped);
        Assert.True(capped.Count < problem.Fleet.Clusters.Count);
        foreach (var cluster in capped)
        {
            var (model, cap) = Assert.Single(cluster.GpuCaps);
            var freeGpus = problem.Fleet.Pools.Where(p => p.Cluster == cluster.Name && p.InstanceType.GpuModel == model)
                .Sum(p => problem.FreeNodes(p) * p.InstanceType.GpusPerNode);
            Assert.True(cap - problem.GpusInUse.GetValueOrDefault((cluster.Name, model)) < freeGpus, $"{cluster.Name}'s cap should bind before its pools fill");
        }
        Assert.InRange(scenario.Stats.TightBudgets, 1, scenario.Stats.Teams - 1);
        Assert.True(problem.RemainingBudgets.Count < scenario.Stats.Teams, "some teams should have no budget limit");
    }

    [Fact]
    public void Generate_PriceBook_CarriesAwsSpotBandsAndTheEgressMatrix()
    {
        var data = ScenarioData.Shared;
        var problem = Generator.Generate(ScenarioSize.L, seed: 1, contended: false).Problem;
        var prices = problem.Prices;

        var awsSpot = problem.Fleet.Pools.Where(p => p.CapacityType == CapacityType.Spot && problem.Fleet.ClusterOf(p).Cloud == Cloud.Aws).ToList();
        Assert.NotEmpty(awsSpot);
        foreach (var pool in awsSpot)
        {
            var cluster = problem.Fleet.ClusterOf(pool);
            var expected = data.SpotBands.TryGetValue((Cloud.Aws, cluster.Region.Name, pool.InstanceType.Name), out var band) ? band : SpotInterruptionBand.DefaultBand;
            Assert.Equal(expected, prices.SpotBand(Cloud.Aws, cluster.Region.Name, pool.InstanceType.Name));
        }
        Assert.Equal(Money.Of(0.12m), prices.EgressPerGb(new RegionId(Cloud.Gcp, "us-central1"), new RegionId(Cloud.Aws, "us-east-1")));
        Assert.Equal(Money.Of(0.05m), prices.EgressPerGb(new RegionId(Cloud.Azure, "westeurope"), new RegionId(Cloud.Azure, "eastus")));
    }

    [Fact]
    public void Generate_ScenarioObjective_MatchesTheCoreProblemObjective()
    {
        for (var seed = 1; seed <= 3; seed++)
        {
            var problem = Generator.Generate(ScenarioSize.S, seed, contended: seed % 2 == 0).Problem;

            Assert.Equal(ProblemObjective.For(problem).PenaltyUnit, ScenarioObjective.For(problem).PenaltyUnit);
        }
    }
}
