using PlacementEngine.Core;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Services.Mapping;

public sealed class JobMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly JobId Id = new("0123456789abcdef");

    private static readonly Placement OnGcp = new(
        "gcp-eu",
        "gcp-eu/a2/spot",
        new RegionId(Cloud.Gcp, "europe-west4"),
        "a2-highgpu-1g",
        CapacityType.Spot,
        2,
        new CostBreakdown(Money.Of(1.25m), 2, 1.5m, Money.Of(3.75m), Money.Of(0.1234567m), Money.Of(0.5m)),
        1);

    private static Job Pending() => Job.New(Id, JobSpecs.Gpu("train", 1, "A100").Team("ml-research").Obj(), "key-1", Now);

    private static (Job Job, List<StateTransition> Transitions) Walk(params JobState[] states)
    {
        var (job, placed) = JobLifecycle.Place(Pending(), OnGcp, Now);
        var transitions = new List<StateTransition> { placed };
        foreach (var state in states)
        {
            (job, var step) = JobLifecycle.Transition(job, state, $"now {state}", Now.AddMinutes(transitions.Count));
            transitions.Add(step);
        }
        return (job, transitions);
    }

    [Fact]
    public void ToProto_PendingJob_CarriesIdentityStateAndTimes()
    {
        var proto = Pending().ToProto(_ => false);

        Assert.Equal(("0123456789abcdef", "ml-research", "key-1", 0), (proto.Id, proto.Team, proto.IdempotencyKey, proto.Attempts));
        Assert.Equal((V1.JobState.Pending, "submitted"), (proto.State, proto.StateReason));
        Assert.Equal(Now, proto.CreatedAt.ToDateTimeOffset());
        Assert.Null(proto.Placement);
        Assert.Empty(proto.Transitions);
    }

    [Fact]
    public void ToProto_PlacedJob_PlacementWithMoneyAsDecimalStringsAndNoKubernetesJobYet()
    {
        var (job, _) = Walk();

        var placement = job.ToProto(cluster => cluster == "gcp-eu").Placement;

        Assert.Equal(("gcp-eu", "gcp", "europe-west4", V1.CapacityType.Spot, 2, 1), (placement.Cluster, placement.Cloud, placement.Region, placement.CapacityType, placement.Nodes, placement.Attempt));
        Assert.True(placement.Simulated);
        Assert.Equal("", placement.KubernetesJob);
        Assert.Equal(("1.25", "3.75", "0.123457", "0.5", "4.373457", 1.5), (placement.Cost.HourlyPrice, placement.Cost.Compute, placement.Cost.Egress, placement.Cost.SpotRisk, placement.Cost.Total, placement.Cost.Hours));
    }

    [Theory]
    [InlineData(JobState.Dispatched)]
    [InlineData(JobState.Running)]
    public void ToProto_DispatchedOrRunning_NamesTheKubernetesJobOfTheAttempt(JobState state)
    {
        var states = state == JobState.Running ? new[] { JobState.Dispatched, JobState.Running } : [JobState.Dispatched];
        var (job, _) = Walk(states);

        Assert.Equal(DispatchNames.For(Id, 1), job.ToProto(_ => false).Placement.KubernetesJob);
    }

    [Fact]
    public void ToProto_CancelledAfterDispatchWithTransitions_NamesTheKubernetesJob()
    {
        var (job, transitions) = Walk(JobState.Dispatched, JobState.Cancelled);

        Assert.Equal(DispatchNames.For(Id, 1), job.ToProto(_ => false, transitions).Placement.KubernetesJob);
        Assert.Equal(3, job.ToProto(_ => false, transitions).Transitions.Count);
    }

    [Fact]
    public void ToProto_CancelledBeforeDispatch_NoKubernetesJob()
    {
        var (job, transitions) = Walk(JobState.Cancelled);

        Assert.Equal("", job.ToProto(_ => false, transitions).Placement.KubernetesJob);
    }

    [Fact]
    public void ToProto_Transition_MapsStatesReasonAndTime()
    {
        var transition = new StateTransition(Id, JobState.Running, JobState.Preempted, "spot reclaimed", Now);

        var proto = transition.ToProto();

        Assert.Equal((V1.JobState.Running, V1.JobState.Preempted, "spot reclaimed", Now), (proto.From, proto.To, proto.Reason, proto.At.ToDateTimeOffset()));
    }

    [Fact]
    public void EnumMapping_EveryCoreState_HasItsOwnProtoStateAndBack()
    {
        var mapped = JobStates.All.Select(s => s.ToProto()).ToList();

        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.DoesNotContain(V1.JobState.Unspecified, mapped);
        Assert.Equal(JobStates.All, mapped.Select(s => s.ToCore("states[0]")));
    }
}
