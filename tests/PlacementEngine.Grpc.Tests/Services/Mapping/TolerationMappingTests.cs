using PlacementEngine.Core;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Services.Mapping;

public sealed class TolerationMappingTests
{
    [Fact]
    public void ToDraft_Tolerations_CarriedOverAsKubernetesSpellsThem()
    {
        var proto = new V1.JobSpec { Name = "x", Tolerations = { new V1.Toleration { Key = "nvidia.com/gpu", Operator = "Exists", Effect = "NoSchedule" } } };

        var draft = JobSpecMapping.ToDraft(proto, "ml");

        Assert.Equal([new TolerationDraft("nvidia.com/gpu", "Exists", "", "NoSchedule")], draft.Tolerations);
    }

    [Fact]
    public void ToProto_ThenToDraftAndValidate_KeepsTheTolerations()
    {
        var original = JobSpecs.Cpu("etl", 2m).Tolerate(
            new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule),
            new Toleration("dedicated", TolerationOperator.Equal, "ml", null)).Obj();

        var proto = original.ToProto();
        var errors = new JobSpecValidator(RegionDirectory.Default, TimeProvider.System).Validate(JobSpecMapping.ToDraft(proto, proto.Team), out var back);

        Assert.Empty(errors);
        Assert.Equal(original.Tolerations, back!.Tolerations);
        Assert.Equal("Equal", proto.Tolerations[1].Operator);
        Assert.Equal("", proto.Tolerations[1].Effect);
    }

    [Fact]
    public void ToProto_TaintedPool_ListsItsTaints()
    {
        var pool = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 2, taints: [Taint.NvidiaGpu]).Fleet().Pools[0];

        var proto = new PoolStatus(pool, 0, null).ToProto();

        var taint = Assert.Single(proto.Taints);
        Assert.Equal(("nvidia.com/gpu", "", "NoSchedule"), (taint.Key, taint.Value, taint.Effect));
    }
}
