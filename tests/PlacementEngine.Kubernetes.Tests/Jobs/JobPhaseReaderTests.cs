using PlacementEngine.Kubernetes.Jobs;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes.Tests.Jobs;

public sealed class JobPhaseReaderTests
{
    private const string DisruptionMessage = "Pod ml/pe-j1-a1-0-x7k2p has condition DisruptionTarget matching FailJob rule at index 0";

    private static readonly Dictionary<string, (V1Jobs Job, ExecutionPhase Phase)> Cases = new()
    {
        ["just created"] = (V1Jobs.For("j1", 1), ExecutionPhase.Pending),
        ["pods waiting for a node"] = (V1Jobs.For("j1", 1).Workers(2).Active(2).Ready(0), ExecutionPhase.Pending),
        ["a worker ready"] = (V1Jobs.For("j1", 1).Workers(2).Active(2).Ready(1), ExecutionPhase.Running),
        ["old server without ready count"] = (V1Jobs.For("j1", 1).Active(1), ExecutionPhase.Running),
        ["workers finished, no verdict yet"] = (V1Jobs.For("j1", 1).Workers(2).Ready(0).Succeeded(1), ExecutionPhase.Running),
        ["complete"] = (V1Jobs.For("j1", 1).Succeeded(1).Condition("SuccessCriteriaMet").Condition("Complete"), ExecutionPhase.Succeeded),
        ["failed by exit code"] = (V1Jobs.For("j1", 1).FailedPods(1).Condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit"), ExecutionPhase.Failed),
        ["failure target only"] = (V1Jobs.For("j1", 1).Active(1).Condition("FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline"), ExecutionPhase.Failed),
        ["disrupted worker"] = (V1Jobs.For("j1", 1).FailedPods(1).Condition("FailureTarget", "PodFailurePolicy", DisruptionMessage).Condition("Failed", "PodFailurePolicy", DisruptionMessage), ExecutionPhase.Preempted),
        ["pod failure policy on exit code"] = (V1Jobs.For("j1", 1).Condition("Failed", "PodFailurePolicy", "Container worker for pod ml/p failed with exit code 42 matching FailJob rule at index 1"), ExecutionPhase.Failed),
        ["condition not true"] = (V1Jobs.For("j1", 1).Condition("Complete", status: "False"), ExecutionPhase.Pending),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Read_JobStatus_MapsToPhase(string name)
    {
        var (job, expected) = Cases[name];

        Assert.Equal(expected, JobPhaseReader.Read(job.Obj()).Phase);
    }

    [Fact]
    public void Read_Failed_ReasonCarriesConditionReasonAndMessage()
    {
        var job = V1Jobs.For("j1", 1).Condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit").Obj();

        Assert.Equal("BackoffLimitExceeded: Job has reached the specified backoff limit", JobPhaseReader.Read(job).Reason);
    }

    [Fact]
    public void Read_Preempted_ReasonNamesTheDisruptedPod()
    {
        var job = V1Jobs.For("j1", 1).Condition("Failed", "PodFailurePolicy", DisruptionMessage).Obj();

        Assert.Contains("pe-j1-a1-0-x7k2p", JobPhaseReader.Read(job).Reason, StringComparison.Ordinal);
    }
}
