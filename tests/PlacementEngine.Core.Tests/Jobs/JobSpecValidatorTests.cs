using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Jobs;

public sealed class JobSpecValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly JobSpecValidator Validator = new(RegionDirectory.Default, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));

    private static JobSpecDraft Valid() => new()
    {
        Name = "train-llm",
        Team = "ml-research",
        Image = "ghcr.io/acme/train:1",
        Gpus = 8,
        GpuModels = ["a100", "A100-80GB"],
        VCpus = 90,
        MemoryGiB = 600,
        Workers = 2,
        EstimatedRuntimeSeconds = 3600,
        Jurisdictions = ["eu"],
        DataRegion = "gcp:europe-west4",
        DataGbRead = 500,
        MaxHourlyPrice = "80.50",
    };

    [Fact]
    public void Validate_ValidDraft_NormalizesModelsAndJurisdictions()
    {
        var errors = Validator.Validate(Valid(), out var spec);

        Assert.Empty(errors);
        Assert.Equal(["A100", "A100-80GB"], spec!.Worker.GpuModels);
        Assert.Equal([Jurisdiction.Eu], spec.Residency.Jurisdictions);
        Assert.Equal(Money.Of(80.50m), spec.MaxHourlyPrice);
        Assert.Equal(new RegionId(Cloud.Gcp, "europe-west4"), spec.Data!.Region);
    }

    public static TheoryData<string, Func<JobSpecDraft, JobSpecDraft>, string> BadDrafts() => new()
    {
        { "negative GPUs", d => d with { Gpus = -1 }, "spec.worker.gpus" },
        { "unknown GPU model", d => d with { GpuModels = ["A1000"] }, "spec.worker.gpu_models" },
        { "unknown jurisdiction", d => d with { Jurisdictions = ["Atlantis"] }, "spec.residency.jurisdictions" },
        { "empty image", d => d with { Image = " " }, "spec.container.image" },
        { "bad name", d => d with { Name = "Bad_Name" }, "spec.name" },
        { "zero workers", d => d with { Workers = 0 }, "spec.workers" },
        { "no runtime", d => d with { EstimatedRuntimeSeconds = 0 }, "spec.estimated_runtime_seconds" },
        { "unknown region", d => d with { Regions = ["gcp:moon-1"] }, "spec.residency.regions" },
        { "unknown cloud", d => d with { Clouds = ["ibm"] }, "spec.residency.clouds" },
        { "data without region", d => d with { DataRegion = "" }, "spec.data.region" },
        { "negative price cap", d => d with { MaxHourlyPrice = "-3" }, "spec.max_hourly_price" },
        { "NaN memory", d => d with { MemoryGiB = double.NaN }, "spec.worker.memory_gib" },
        { "priority too high", d => d with { Priority = 5000 }, "spec.priority" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public void Validate_BadField_NamesTheField(string scenario, Func<JobSpecDraft, JobSpecDraft> breakIt, string field)
    {
        var errors = Validator.Validate(breakIt(Valid()), out var spec);

        Assert.Null(spec);
        Assert.Contains(errors, e => e.Field == field);
        Assert.False(string.IsNullOrWhiteSpace(scenario));
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryOne()
    {
        var errors = Validator.Validate(Valid() with { Gpus = -2, Image = "", Jurisdictions = ["XX"] }, out _);

        Assert.Equal(["spec.container.image", "spec.residency.jurisdictions", "spec.worker.gpus"], errors.Select(e => e.Field).Distinct().Order());
    }
}
