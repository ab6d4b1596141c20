using PlacementEngine.Core;

namespace PlacementEngine.TestKit;

/// <summary>Fluent builder for valid job specs: <c>JobSpecs.Gpu("train", 8, "A100").InEu().Obj()</c>.</summary>
public sealed class JobSpecs
{
    private JobSpec _spec;

    private JobSpecs(JobSpec spec) => _spec = spec;

    public static JobSpecs Gpu(string name, int gpus, params string[] models) => new(new JobSpec(
        name,
        "team-a",
        new ContainerSpec("ghcr.io/example/train:1", ["python", "train.py"], [], new Dictionary<string, string>()),
        new WorkerResources(gpus, models, 4m, 16m),
        1,
        TimeSpan.FromHours(2),
        Residency.Anywhere,
        null,
        CapacityPolicy.SpotPreferred,
        null,
        null,
        null,
        0,
        new Dictionary<string, string>(),
        new Dictionary<string, string>()));

    public static JobSpecs Cpu(string name, decimal vcpus) => Gpu(name, 0).With(s => s with { Worker = s.Worker with { VCpus = vcpus, MemoryGiB = 1m } });

    public JobSpecs With(Func<JobSpec, JobSpec> change)
    {
        _spec = change(_spec);
        return this;
    }

    public JobSpecs Team(string team) => With(s => s with { Team = team });
    public JobSpecs Workers(int workers) => With(s => s with { Workers = workers });
    public JobSpecs Hours(double hours) => With(s => s with { EstimatedRuntime = TimeSpan.FromHours(hours) });
    public JobSpecs Priority(int priority) => With(s => s with { Priority = priority });
    public JobSpecs Policy(CapacityPolicy policy) => With(s => s with { CapacityPolicy = policy });
    public JobSpecs In(params string[] jurisdictions) => With(s => s with { Residency = s.Residency with { Jurisdictions = jurisdictions.Select(j => new Jurisdiction(j)).ToList() } });
    public JobSpecs InEu() => In("EU");
    public JobSpecs MaxHourly(decimal dollars) => With(s => s with { MaxHourlyPrice = Money.Of(dollars) });
    public JobSpecs Data(string region, decimal gb) => With(s => s with { Data = RegionId.TryParse(region, out var r) ? new DataLocation(r, gb) : throw new ArgumentException(region) });
    public JobSpecs Checkpoint(TimeSpan interval) => With(s => s with { CheckpointInterval = interval });

    public JobSpecs Tolerate(params Toleration[] tolerations) => With(s => s with { Tolerations = [.. s.Tolerations, .. tolerations] });

    public JobSpec Obj() => _spec;
}
