using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Services;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Services.Mapping;

public sealed class JobSpecMappingTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static V1.JobSpec FullSpec() => new()
    {
        Name = "train-llm",
        Team = "ignored-here",
        Container = new V1.ContainerSpec { Image = "ghcr.io/acme/train:2", Command = { "python" }, Args = { "train.py", "--fast" }, Env = { ["SEED"] = "7" } },
        Worker = new V1.WorkerResources { Gpus = 8, GpuModels = { "a100", "H100" }, Vcpus = 96.5, MemoryGib = 1024 },
        Workers = 4,
        EstimatedRuntimeSeconds = 36_000,
        Residency = new V1.Residency { Jurisdictions = { "EU" }, Regions = { "gcp:europe-west4" }, Clouds = { "gcp", "azure" } },
        Data = new V1.DataLocation { Region = "aws:eu-west-1", GbRead = 250.5 },
        CapacityPolicy = V1.CapacityPolicy.SpotOnly,
        CheckpointIntervalSeconds = 1800,
        MaxHourlyPrice = "120.50",
        Deadline = Timestamp.FromDateTimeOffset(Deadline),
        Priority = 700,
        ClusterSelector = { ["env"] = "prod" },
        Labels = { ["project"] = "llm" },
    };

    [Fact]
    public void ToDraft_EveryField_CarriedOverForTheValidator()
    {
        var draft = JobSpecMapping.ToDraft(FullSpec(), "ml-research");

        Assert.Equal(("train-llm", "ml-research", "ghcr.io/acme/train:2"), (draft.Name, draft.Team, draft.Image));
        Assert.Equal(["python"], draft.Command);
        Assert.Equal(["train.py", "--fast"], draft.Args);
        Assert.Equal("7", draft.Env["SEED"]);
        Assert.Equal((8, 96.5, 1024.0, 4), (draft.Gpus, draft.VCpus, draft.MemoryGiB, draft.Workers));
        Assert.Equal(["a100", "H100"], draft.GpuModels);
        Assert.Equal(36_000, draft.EstimatedRuntimeSeconds);
        Assert.Equal(["EU"], draft.Jurisdictions);
        Assert.Equal(["gcp:europe-west4"], draft.Regions);
        Assert.Equal(["gcp", "azure"], draft.Clouds);
        Assert.Equal(("aws:eu-west-1", 250.5), (draft.DataRegion, draft.DataGbRead));
        Assert.Equal(CapacityPolicy.SpotOnly, draft.CapacityPolicy);
        Assert.Equal((1800L, "120.50", 700), (draft.CheckpointIntervalSeconds, draft.MaxHourlyPrice, draft.Priority));
        Assert.Equal(Deadline, draft.Deadline);
        Assert.Equal("prod", draft.ClusterSelector["env"]);
        Assert.Equal("llm", draft.Labels["project"]);
    }

    [Fact]
    public void ToDraft_MinimalSpec_UsesTheDocumentedDefaults()
    {
        var draft = JobSpecMapping.ToDraft(new V1.JobSpec { Name = "x" }, "ml-research");

        Assert.Equal(1, draft.Workers);
        Assert.Equal(CapacityPolicy.SpotPreferred, draft.CapacityPolicy);
        Assert.Equal(("", 0, ""), (draft.Image, draft.Gpus, draft.DataRegion));
        Assert.Null(draft.Deadline);
        Assert.Empty(draft.Env);
    }

    [Fact]
    public void ToDraft_DeadlineOutOfTimestampRange_InvalidArgumentWithTheValuesFilledIn()
    {
        var spec = FullSpec();
        spec.Deadline = new Timestamp { Seconds = -99_999_999_999, Nanos = 2_000_000_000 };

        var ex = Assert.Throws<RpcException>(() => JobSpecMapping.ToDraft(spec, "t", "specs[1]"));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("specs[1].deadline: ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("seconds=-99999999999", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nanos=2000000000", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("{", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDraft_UnknownCapacityPolicy_InvalidArgumentNamingTheField()
    {
        var spec = FullSpec();
        spec.CapacityPolicy = (V1.CapacityPolicy)42;

        var ex = Assert.Throws<RpcException>(() => JobSpecMapping.ToDraft(spec, "t"));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("spec.capacity_policy: 42", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDraft_DeadlineOutOfRange_InvalidArgumentNamingTheField()
    {
        var spec = FullSpec();
        spec.Deadline = new Timestamp { Seconds = long.MaxValue };

        var ex = Assert.Throws<RpcException>(() => JobSpecMapping.ToDraft(spec, "t"));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("spec.deadline:", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ToProto_ThenToDraftAndValidate_GivesBackTheSameSpec()
    {
        var original = JobSpecs.Gpu("round-trip", 2, "A100", "H100")
            .Team("ml-research").Workers(3).Hours(1.5).Priority(10).Policy(CapacityPolicy.OnDemandOnly)
            .InEu().MaxHourly(99.125m).Data("gcp:europe-west4", 12.5m).Checkpoint(TimeSpan.FromMinutes(20))
            .With(s => s with
            {
                Deadline = Deadline,
                Residency = s.Residency with { Clouds = [Cloud.Gcp], Regions = [new RegionId(Cloud.Gcp, "europe-west4")] },
                ClusterSelector = new Dictionary<string, string> { ["env"] = "prod" },
                Labels = new Dictionary<string, string> { ["owner"] = "ana" },
                Container = s.Container with { Env = new Dictionary<string, string> { ["A"] = "1" } },
            })
            .Obj();

        var proto = original.ToProto();
        var errors = new JobSpecValidator(RegionDirectory.Default, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Deadline.AddDays(-1))).Validate(JobSpecMapping.ToDraft(proto, proto.Team), out var back);

        Assert.Empty(errors);
        Assert.Equal(proto, back!.ToProto());
        Assert.Equal(("99.125", "gcp:europe-west4", 1200L), (proto.MaxHourlyPrice, proto.Data.Region, proto.CheckpointIntervalSeconds));
    }
}
