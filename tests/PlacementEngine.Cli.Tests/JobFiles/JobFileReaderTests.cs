using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.JobFiles;

public sealed class JobFileReaderTests
{
    private const string EveryField = """
        name: llm-finetune-eu
        team: ml-research
        image: ghcr.io/acme/train:2.1
        command: ["python", "train.py"]
        args: [--epochs, "3"]
        env: {EPOCHS: "3", DEBUG: 0}
        worker: {gpus: 8, gpuModels: [A100, A100-80GB], vcpus: 90.5, memoryGiB: 600}
        workers: 2
        estimatedRuntime: 1h30m
        residency: {jurisdictions: [EU], regions: ["gcp:europe-west4"], clouds: [gcp, azure]}
        data: {region: "gcp:europe-west4", gbRead: 500}
        capacityPolicy: on-demand-only
        checkpointInterval: 30m
        maxHourlyPrice: "40.00"
        deadline: 2026-12-01T00:00:00Z
        priority: 50
        clusterSelector: {environment: prod}
        labels: {project: llm, cost-center: "42"}
        """;

    [Fact]
    public void Parse_EveryField_MapsOntoJobSpec()
    {
        var spec = JobFileReader.Parse(EveryField, "job.yaml");

        Assert.Equal("llm-finetune-eu", spec.Name);
        Assert.Equal("ml-research", spec.Team);
        Assert.Equal("ghcr.io/acme/train:2.1", spec.Container.Image);
        Assert.Equal(["python", "train.py"], spec.Container.Command);
        Assert.Equal(["--epochs", "3"], spec.Container.Args);
        Assert.Equal("3", spec.Container.Env["EPOCHS"]);
        Assert.Equal("0", spec.Container.Env["DEBUG"]);
        Assert.Equal(8, spec.Worker.Gpus);
        Assert.Equal(["A100", "A100-80GB"], spec.Worker.GpuModels);
        Assert.Equal(90.5, spec.Worker.Vcpus);
        Assert.Equal(600, spec.Worker.MemoryGib);
        Assert.Equal(2, spec.Workers);
        Assert.Equal(5400, spec.EstimatedRuntimeSeconds);
        Assert.Equal(["EU"], spec.Residency.Jurisdictions);
        Assert.Equal(["gcp:europe-west4"], spec.Residency.Regions);
        Assert.Equal(["gcp", "azure"], spec.Residency.Clouds);
        Assert.Equal("gcp:europe-west4", spec.Data.Region);
        Assert.Equal(500, spec.Data.GbRead);
        Assert.Equal(CapacityPolicy.OnDemandOnly, spec.CapacityPolicy);
        Assert.Equal(1800, spec.CheckpointIntervalSeconds);
        Assert.Equal("40.00", spec.MaxHourlyPrice);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), spec.Deadline);
        Assert.Equal(50, spec.Priority);
        Assert.Equal("prod", spec.ClusterSelector["environment"]);
        Assert.Equal("42", spec.Labels["cost-center"]);
    }

    [Fact]
    public void Parse_OptionalFieldsOmitted_LeavesThemUnsetAndDefaultsToOneWorker()
    {
        var spec = JobFileReader.Parse("name: n\nimage: i\n", "job.yaml");

        Assert.Equal(1, spec.Workers);
        Assert.Null(spec.Worker);
        Assert.Null(spec.Residency);
        Assert.Null(spec.Data);
        Assert.Null(spec.Deadline);
        Assert.Equal(CapacityPolicy.Unspecified, spec.CapacityPolicy);
        Assert.Equal(0, spec.CheckpointIntervalSeconds);
        Assert.Equal("", spec.MaxHourlyPrice);
    }

    [Theory]
    [InlineData("spot-only", CapacityPolicy.SpotOnly)]
    [InlineData("spot-preferred", CapacityPolicy.SpotPreferred)]
    [InlineData("on-demand-only", CapacityPolicy.OnDemandOnly)]
    public void Parse_CapacityPolicyName_MapsToEnum(string name, CapacityPolicy expected)
    {
        var spec = JobFileReader.Parse($"name: n\ncapacityPolicy: {name}\n", "job.yaml");

        Assert.Equal(expected, spec.CapacityPolicy);
    }

    [Fact]
    public void Parse_DeadlineWithOffset_IsStoredInUtc()
    {
        var spec = JobFileReader.Parse("deadline: 2026-12-01T02:00:00+02:00\n", "job.yaml");

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), spec.Deadline.ToDateTimeOffset());
    }

    [Theory]
    [InlineData("name: n\nworker: {gpus: 8, gpu: [A100]}\n", 2, 19, "worker.gpu", "unknown key 'gpu'")]
    [InlineData("name: n\nimage: i\nreplicas: 3\n", 3, 1, "replicas", "unknown key 'replicas'")]
    [InlineData("name: n\nworker:\n  memoryGib: 16\n", 3, 3, "worker.memoryGib", "did you mean 'memoryGiB'?")]
    public void Parse_UnknownKey_NamesKeyAndLine(string yaml, int line, int column, string field, string problem)
    {
        var error = Assert.Throws<JobFileException>(() => JobFileReader.Parse(yaml, "job.yaml"));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"job.yaml:{line}:{column}: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker:\n  gpus: eight\n", 2, "worker.gpus", "expected an integer, got 'eight'")]
    [InlineData("worker:\n  gpus: [8]\n", 2, "worker.gpus", "expected an integer, got a list")]
    [InlineData("worker:\n  vcpus: lots\n", 2, "worker.vcpus", "expected a number")]
    [InlineData("worker:\n  memoryGiB: -1\n", 2, "worker.memoryGiB", "must not be negative")]
    [InlineData("worker: 8\n", 1, "worker", "expected a mapping")]
    [InlineData("name: [a, b]\n", 1, "name", "expected a string, got a list")]
    [InlineData("command: python train.py\n", 1, "command", "expected a list of strings")]
    [InlineData("command: [python, [x]]\n", 1, "command[1]", "expected a string, got a list")]
    [InlineData("env: [A, B]\n", 1, "env", "expected a mapping of name: value")]
    [InlineData("workers: 0\n", 1, "workers", "must be between 1 and")]
    [InlineData("priority: 5000\n", 1, "priority", "must be between 0 and 1000")]
    [InlineData("\n\nestimatedRuntime: 6 hours\n", 3, "estimatedRuntime", "is not a duration")]
    [InlineData("checkpointInterval: 1500ms\n", 1, "checkpointInterval", "is not a duration")]
    [InlineData("capacityPolicy: cheap\n", 1, "capacityPolicy", "expected one of spot-only | spot-preferred | on-demand-only")]
    [InlineData("maxHourlyPrice: $40\n", 1, "maxHourlyPrice", "expected a dollar amount")]
    [InlineData("deadline: 2026-12-01T00:00:00\n", 1, "deadline", "expected an RFC 3339 timestamp")]
    [InlineData("deadline: next week\n", 1, "deadline", "expected an RFC 3339 timestamp")]
    [InlineData("residency: {jurisdictions: EU}\n", 1, "residency.jurisdictions", "expected a list of strings")]
    [InlineData("data: {region: gcp:europe-west4, gbRead: many}\n", 1, "data.gbRead", "expected a number")]
    public void Parse_WrongType_NamesFieldAndLine(string yaml, int line, string field, string problem)
    {
        var error = Assert.Throws<JobFileException>(() => JobFileReader.Parse(yaml, "job.yaml"));

        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: n\nimage: 'unterminated\n", 2)]
    [InlineData("name: n\n  image: i\n", 2)]
    public void Parse_MalformedYaml_ReportsLineOfSyntaxError(string yaml, int line)
    {
        var error = Assert.Throws<JobFileException>(() => JobFileReader.Parse(yaml, "bad.yaml"));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"bad.yaml:{line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedFlowMapping_IsAJobFileError()
    {
        var error = Assert.Throws<JobFileException>(() => JobFileReader.Parse("name: n\nworker: {gpus: 8\nimage: i\n", "bad.yaml"));

        Assert.StartsWith("bad.yaml: invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_IsAnError()
    {
        var error = Assert.Throws<JobFileException>(() => JobFileReader.Parse("name: a\nname: b\n", "job.yaml"));

        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("# only a comment\n", "empty")]
    [InlineData("name: a\n---\nname: b\n", "more than one YAML document")]
    [InlineData("- name: a\n", "expected a mapping of job fields")]
    public void Parse_NotOneJobDocument_IsAnError(string yaml, string problem)
    {
        var error = Assert.Throws<JobFileException>(() => JobFileReader.Parse(yaml, "job.yaml"));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullValue_CountsAsOmitted()
    {
        var spec = JobFileReader.Parse("name: n\nteam: ~\nresidency: null\nworkers:\n", "job.yaml");

        Assert.Equal("", spec.Team);
        Assert.Null(spec.Residency);
        Assert.Equal(1, spec.Workers);
    }

    [Fact]
    public void ReadFile_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"placectl-missing-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<JobFileException>(() => JobFileReader.ReadFile(path));

        Assert.Equal($"{path}: file not found", error.Message);
    }
}
