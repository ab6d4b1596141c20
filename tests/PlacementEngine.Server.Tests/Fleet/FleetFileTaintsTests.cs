using PlacementEngine.Core;
using PlacementEngine.Server.FleetFiles;

namespace PlacementEngine.Server.Tests.Fleet;

public sealed class FleetFileTaintsTests
{
    private const string Source = "fleet.yaml";
    private static readonly string BaseDirectory = Path.Combine(Path.GetTempPath(), "placement-fleet");

    // Line 9 is the pool's extra lines; the pool is CPU-only unless they give it a GPU.
    private const string Fleet = """
        version: 1
        clusters:
          - name: eks-a
            region: aws:us-east-1
            pools:
              - instanceType: p4d.24xlarge
                vcpus: 96
                memoryGiB: 1152
                EXTRA
                capacityType: on-demand
                maxNodes: 2
                hourlyPrice: "27.43"
        """;

    private static Pool PoolOf(string extra) =>
        Assert.Single(FleetFileLoader.Parse(Fleet.Replace("EXTRA", extra, StringComparison.Ordinal), Source, BaseDirectory).Fleet.Pools);

    [Fact]
    public void Parse_GpuPoolWithoutTaints_GetsTheNvidiaGpuTaint()
    {
        var pool = PoolOf("gpu: {model: A100, count: 8}");

        Assert.Equal([Taint.NvidiaGpu], pool.Taints);
    }

    [Fact]
    public void Parse_CpuPoolWithoutTaints_IsUntainted()
    {
        Assert.Empty(PoolOf("nodeLabels: {}").Taints);
    }

    [Fact]
    public void Parse_GpuPoolWithEmptyTaints_TurnsTheDefaultOff()
    {
        Assert.Empty(PoolOf("gpu: {model: A100, count: 8}\n        taints: []").Taints);
    }

    [Fact]
    public void Parse_ExplicitTaints_ReadsKeyValueAndEffect()
    {
        var pool = PoolOf("taints:\n          - {key: dedicated, value: ml, effect: NoExecute}\n          - {key: spot, effect: PreferNoSchedule}");

        Assert.Equal([new Taint("dedicated", "ml", TaintEffect.NoExecute), new Taint("spot", "", TaintEffect.PreferNoSchedule)], pool.Taints);
    }

    [Fact]
    public void Parse_BadTaintEffect_IsRejectedWithItsLine()
    {
        var error = Assert.Throws<FleetFileException>(() => PoolOf("taints:\n          - key: dedicated\n            effect: NoWay"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(11, problem.Line);
        Assert.Equal("clusters[0].pools[0].taints[0].effect", problem.Path);
        Assert.Equal("'NoWay' is not NoSchedule, PreferNoSchedule or NoExecute", problem.Message);
    }

    [Fact]
    public void Parse_TaintWithoutKey_IsRejected()
    {
        var error = Assert.Throws<FleetFileException>(() => PoolOf("taints: [{effect: NoSchedule}]"));

        Assert.Equal("clusters[0].pools[0].taints[0].key", Assert.Single(error.Problems).Path);
    }
}
