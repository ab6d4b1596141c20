using PlacementEngine.Core;
using PlacementEngine.Server.FleetFiles;

namespace PlacementEngine.Server.Tests.FleetFiles;

public sealed class FleetFileLoaderTests
{
    private const string Source = "fleet.yaml";

    private static readonly string BaseDirectory = Path.Combine(Path.GetTempPath(), "placement-fleet");

    private const string MinimalFleet = """
        version: 1
        clusters:
          - name: eks-a
            region: aws:us-east-1
            pools:
              - instanceType: m8i.xlarge
                vcpus: 4
                memoryGiB: 16
                capacityType: spot
                maxNodes: 2
                hourlyPrice: "0.0813"
        """;

    [Fact]
    public void Parse_MinimalFleet_BuildsClusterPoolAndPrice()
    {
        var loaded = Parse(MinimalFleet);

        var cluster = Assert.Single(loaded.Fleet.Clusters);
        var pool = Assert.Single(loaded.Fleet.Pools);
        Assert.Equal(new RegionId(Cloud.Aws, "us-east-1"), cluster.Region);
        Assert.Equal(new Jurisdiction("US"), cluster.Jurisdiction);
        Assert.True(cluster.Healthy);
        Assert.Equal("eks-a/m8i.xlarge/spot", pool.Name);
        Assert.Equal(new InstanceType("m8i.xlarge", null, 0, 4m, 16m), pool.InstanceType);
        Assert.True(loaded.Prices.TryGetHourly(new PriceKey(Cloud.Aws, "us-east-1", "m8i.xlarge", CapacityType.Spot), out var price));
        Assert.Equal(0.0813m, price.Dollars);
        Assert.Empty(loaded.Budgets);
        Assert.True(loaded.Executors["eks-a"].IsSimulated);
    }

    [Fact]
    public void Parse_EveryField_ReadsAllOfThem()
    {
        var loaded = Parse("""
            version: 1
            teams:
              - {name: vision, budget: "1500.25"}
            regions:
              - {id: onprem:fra-dc1, country: de}
            clusters:
              - name: fra
                region: onprem:fra-dc1
                labels: {environment: prod, purpose: training}
                gpuCaps: {a100: 16}
                kubeconfig: kube/fra.yaml
                context: fra-admin
                pools:
                  - name: fra-a100
                    instanceType: dgx-a100
                    gpu: {model: a100, count: 8}
                    vcpus: 128
                    memoryGiB: 1024
                    capacityType: reserved
                    zone: hall-2
                    maxNodes: 0
                    hourlyPrice: 9.5
                    nodeLabels: {rack: r12}
            """);

        var cluster = Assert.Single(loaded.Fleet.Clusters);
        var pool = Assert.Single(loaded.Fleet.Pools);
        Assert.Equal(Money.Of(1500.25m), loaded.Budgets["vision"]);
        Assert.Equal(Jurisdiction.Eu, cluster.Jurisdiction);
        Assert.True(loaded.Regions.TryGet(new RegionId(Cloud.OnPrem, "fra-dc1"), out var region));
        Assert.Equal("DE", region.Country);
        Assert.Equal("training", cluster.Labels["purpose"]);
        Assert.Equal(16, cluster.GpuCaps["A100"]);
        Assert.Equal(new Pool("fra-a100", "fra", new InstanceType("dgx-a100", "A100", 8, 128m, 1024m), CapacityType.Reserved, "hall-2", 0, pool.NodeLabels) { Taints = pool.Taints }, pool);
        Assert.Equal([Taint.NvidiaGpu], pool.Taints);
        Assert.Equal("r12", pool.NodeLabels["rack"]);
        Assert.Equal(new ClusterExecutorSettings(Path.Combine(BaseDirectory, "kube", "fra.yaml"), "fra-admin"), loaded.Executors["fra"]);
        Assert.True(loaded.Prices.TryGetHourly(new PriceKey(Cloud.OnPrem, "fra-dc1", "dgx-a100", CapacityType.Reserved), out var price));
        Assert.Equal(9.5m, price.Dollars);
    }

    [Fact]
    public void Parse_InClusterTrue_RunsOnTheInClusterApi()
    {
        var loaded = Parse("""
            version: 1
            clusters:
              - name: home
                region: gcp:europe-west4
                inCluster: true
                pools:
                  - {instanceType: n2-standard-16, vcpus: 16, memoryGiB: 64, capacityType: on-demand, maxNodes: 4, hourlyPrice: "0.77"}
            """);

        Assert.Equal(ClusterExecutorSettings.InClusterApi, loaded.Executors["home"]);
        Assert.False(loaded.Executors["home"].IsSimulated);
    }

    [Theory]
    [InlineData("inCluster: true\nkubeconfig: kube/a.yaml", "leave kubeconfig and context out")]
    [InlineData("inCluster: yes-please", "'yes-please' is not true or false")]
    public void Parse_InClusterMisused_NamesTheKey(string lines, string expected)
    {
        var problems = ProblemsOf($$"""
            version: 1
            clusters:
              - name: home
                region: gcp:europe-west4
                {{lines.Replace("\n", "\n    ", StringComparison.Ordinal)}}
                pools:
                  - {instanceType: n2-standard-16, vcpus: 16, memoryGiB: 64, capacityType: on-demand, maxNodes: 4, hourlyPrice: "0.77"}
            """);

        var problem = Assert.Single(problems);
        Assert.Equal("clusters[0].inCluster", problem.Path);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEachWithItsLineAndPath()
    {
        var problems = ProblemsOf("""
            version: 1
            teams:
              - name: vision
                budget: "-5"
            clusters:
              - name: gke-a
                region: gcp:europe-west99
                pools:
                  - instanceType: a2-highgpu-8g
                    gpu: {model: A101, count: 8}
                    vcpus: 96
                    memoryGiB: 680
                    capacityType: spotty
                    maxNodes: -1
                    hourlyPrice: "1.2e3"
                    colour: blue
                  - instanceType: n2-standard-16
                    vcpus: 16
                    capacityType: spot
                    maxNodes: 4
                    hourlyPrice: "0.31245"
            """);

        Assert.Equal(
            [
                "4 teams[0].budget",
                "7 clusters[0].region",
                "10 clusters[0].pools[0].gpu.model",
                "13 clusters[0].pools[0].capacityType",
                "14 clusters[0].pools[0].maxNodes",
                "15 clusters[0].pools[0].hourlyPrice",
                "16 clusters[0].pools[0].colour",
                "17 clusters[0].pools[1].memoryGiB",
            ],
            problems.Select(p => $"{p.Line} {p.Path}"));
        Assert.Contains("fleet.yaml:13 clusters[0].pools[0].capacityType: 'spotty' is not spot, on-demand or reserved", problems.Select(p => p.ToString()));
        Assert.Contains("not a decimal number", problems[5].Message, StringComparison.Ordinal);
        Assert.Contains("is required", problems[7].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyProblems_ExceptionMessageListsThemAll()
    {
        var error = Assert.Throws<FleetFileException>(() => Parse(MinimalFleet.Replace("spot", "spotty", StringComparison.Ordinal).Replace("\"0.0813\"", "abc", StringComparison.Ordinal)));

        Assert.Equal(2, error.Problems.Count);
        Assert.All(error.Problems, p => Assert.Contains(p.ToString(), error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateClusterAndPoolNames_RejectsTheSecondPointingAtTheFirst()
    {
        var problems = ProblemsOf("""
            version: 1
            clusters:
              - name: eks-a
                region: aws:us-east-1
                pools:
                  - {instanceType: m8i.xlarge, vcpus: 4, memoryGiB: 16, capacityType: spot, maxNodes: 2, hourlyPrice: "0.08"}
                  - {instanceType: m8i.xlarge, vcpus: 4, memoryGiB: 16, capacityType: spot, maxNodes: 3, hourlyPrice: "0.08", zone: us-east-1b}
              - name: eks-a
                region: aws:us-east-1
                pools:
                  - {name: cpu, instanceType: m8i.xlarge, vcpus: 4, memoryGiB: 16, capacityType: on-demand, maxNodes: 2, hourlyPrice: "0.21"}
                  - {name: cpu, instanceType: m8i.xlarge, vcpus: 4, memoryGiB: 16, capacityType: on-demand, maxNodes: 2, hourlyPrice: "0.21"}
            """);

        Assert.Equal(
            [
                "7 clusters[0].pools[1].instanceType: pool 'eks-a/m8i.xlarge/spot' is already defined at line 6; give one of them its own name",
                "8 clusters[1].name: cluster 'eks-a' is already defined at line 3",
                "12 clusters[1].pools[1].name: pool 'cpu' is already defined at line 11; give one of them its own name",
            ],
            problems.Select(p => $"{p.Line} {p.Path}: {p.Message}"));
    }

    [Theory]
    [InlineData("gpu: {model: Z80, count: 1}", "gpu.model", "'Z80' is not a GPU model")]
    [InlineData("gpu: {model: T4, count: 0}", "gpu.count", "0 GPUs per node")]
    [InlineData("gpu: {model: T4}", "gpu.count", "is required")]
    public void Parse_BadPoolGpu_IsRejected(string gpu, string path, string message)
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet.Replace("vcpus: 4", $"{gpu}\n        vcpus: 4", StringComparison.Ordinal)));

        Assert.Equal($"clusters[0].pools[0].{path}", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownGpuModelInCaps_IsRejected()
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet.Replace("    pools:", "    gpuCaps: {A100: 8, Voodoo2: 4}\n    pools:", StringComparison.Ordinal)));

        Assert.Equal((5, "clusters[0].gpuCaps.Voodoo2"), (problem.Line, problem.Path));
        Assert.Contains("not a GPU model", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SamePriceKeyWithTwoPrices_RejectsTheSecond()
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet + """

              - name: eks-b
                region: aws:us-east-1
                pools:
                  - {instanceType: m8i.xlarge, vcpus: 4, memoryGiB: 16, capacityType: spot, maxNodes: 2, hourlyPrice: "0.09"}
            """));

        Assert.Equal((15, "clusters[1].pools[0].hourlyPrice"), (problem.Line, problem.Path));
        Assert.Equal("0.09 differs from 0.0813 given for aws:us-east-1/m8i.xlarge/spot at line 11; the price book holds one price per key", problem.Message);
    }

    [Fact]
    public void Parse_SamePriceKeyWithTheSamePrice_SharesOneEntry()
    {
        var loaded = Parse(MinimalFleet + """

              - name: eks-b
                region: aws:us-east-1
                pools:
                  - {instanceType: m8i.xlarge, vcpus: 4, memoryGiB: 16, capacityType: spot, maxNodes: 2, hourlyPrice: "0.08130"}
            """);

        Assert.Equal(2, loaded.Fleet.Pools.Count);
        Assert.Equal(1, loaded.Prices.Count);
    }

    [Fact]
    public void Parse_SameInstanceTypeWithTwoShapes_IsRejected()
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet + """

                  - {instanceType: m8i.xlarge, vcpus: 8, memoryGiB: 16, capacityType: on-demand, maxNodes: 2, hourlyPrice: "0.2"}
            """));

        Assert.Equal("clusters[0].pools[1].instanceType", problem.Path);
        Assert.Contains("one instance type has one shape", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"-0.08\"", "-0.08 is negative; hourlyPrice is a price in dollars per node-hour, 0 or more")]
    [InlineData("0.08 USD", "'0.08 USD' is not a decimal number")]
    [InlineData("", "is required")]
    public void Parse_BadPrice_IsRejected(string price, string message)
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet.Replace("\"0.0813\"", price, StringComparison.Ordinal)));

        Assert.Equal("clusters[0].pools[0].hourlyPrice", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Parse_TeamListedTwice_IsRejected()
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet.Replace("clusters:", "teams:\n  - {name: vision, budget: \"10\"}\n  - {name: vision, budget: \"20\"}\nclusters:", StringComparison.Ordinal)));

        Assert.Equal("fleet.yaml:4 teams[1].name: team 'vision' is already listed at line 3", problem.ToString());
    }

    [Fact]
    public void Parse_ClusterInOnPremRegionWithBadCountry_ReportsOnlyTheCountry()
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet
            .Replace("clusters:", "regions:\n  - {id: onprem:fra-dc1, country: Germany}\nclusters:", StringComparison.Ordinal)
            .Replace("aws:us-east-1", "onprem:fra-dc1", StringComparison.Ordinal)));

        Assert.Equal("regions[0].country", problem.Path);
    }

    [Theory]
    [InlineData("region: aws:mars-north-1", "'aws:mars-north-1' is not a known aws region")]
    [InlineData("region: us-east-1", "'us-east-1' is not a region; write cloud:region")]
    [InlineData("region: onprem:muc-dc2", "'onprem:muc-dc2' is not declared under regions")]
    public void Parse_UnknownRegion_IsRejected(string region, string message)
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet.Replace("region: aws:us-east-1", region, StringComparison.Ordinal)));

        Assert.Equal((4, "clusters[0].region"), (problem.Line, problem.Path));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CloudRegionUnderRegions_IsRejectedSoResidencyCannotBeRedefined()
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet.Replace("clusters:", "regions:\n  - {id: aws:us-east-1, country: DE}\nclusters:", StringComparison.Ordinal)));

        Assert.Equal("regions[0].id", problem.Path);
        Assert.Contains("only on-prem regions", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 2", 1, "version", "version 2 is not supported")]
    [InlineData("verison: 1", 1, "verison", "unknown key")]
    [InlineData("clusters: []", 2, "clusters", "must list at least one entry")]
    public void Parse_BadTopLevel_IsReported(string replacement, int line, string path, string message)
    {
        var yaml = replacement.StartsWith("clusters", StringComparison.Ordinal)
            ? $"version: 1\n{replacement}\n"
            : MinimalFleet.Replace("version: 1", replacement, StringComparison.Ordinal);

        var problems = ProblemsOf(yaml);

        Assert.Contains(problems, p => p.Line == line && p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotYaml_ReportsTheParserLine()
    {
        var problem = Assert.Single(ProblemsOf("version: 1\nclusters:\n  - name: 'unterminated\n"));

        Assert.StartsWith("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void Parse_ContextWithoutKubeconfig_IsRejected()
    {
        var problem = Assert.Single(ProblemsOf(MinimalFleet.Replace("    pools:", "    context: prod\n    pools:", StringComparison.Ordinal)));

        Assert.Equal("clusters[0].context", problem.Path);
    }

    [Fact]
    public void Load_FileWithProblems_NamesTheFileInEachProblem()
    {
        var directory = Directory.CreateTempSubdirectory("fleet-loader-");
        try
        {
            var path = Path.Combine(directory.FullName, "prod-fleet.yaml");
            File.WriteAllText(path, MinimalFleet.Replace("maxNodes: 2", "maxNodes: many", StringComparison.Ordinal));

            var error = Assert.Throws<FleetFileException>(() => FleetFileLoader.Load(path));

            Assert.Equal("prod-fleet.yaml:10 clusters[0].pools[0].maxNodes: 'many' is not a whole number", Assert.Single(error.Problems).ToString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static LoadedFleet Parse(string yaml) => FleetFileLoader.Parse(yaml, Source, BaseDirectory);

    private static IReadOnlyList<FleetFileProblem> ProblemsOf(string yaml) =>
        Assert.Throws<FleetFileException>(() => Parse(yaml)).Problems;
}
