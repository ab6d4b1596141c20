using Microsoft.Extensions.Time.Testing;
using PlacementEngine.Core;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>
/// Fingerprints are stored beside every idempotency key, so a change to how they are computed would turn every
/// retried submission of an existing job into a key conflict: these values were taken from the stored format.
/// </summary>
public sealed class SpecFingerprintTests
{
    private static readonly JobSpecValidator Validator = new(RegionDirectory.Default, new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z")));

    private static readonly JobSpecDraft Full = new()
    {
        Name = "train-llm",
        Team = "ml-research",
        Image = "ghcr.io/acme/train:1",
        Command = ["python", "train.py"],
        Args = ["--epochs", "3"],
        Env = new Dictionary<string, string> { ["ZETA"] = "1", ["ALPHA"] = "é \"quoted\" <tag>" },
        Gpus = 8,
        GpuModels = ["A100", "H100"],
        VCpus = 96.5,
        MemoryGiB = 640,
        Workers = 2,
        EstimatedRuntimeSeconds = 7200,
        Jurisdictions = ["EU"],
        DataRegion = "aws:eu-west-1",
        DataGbRead = 12.25,
        CapacityPolicy = CapacityPolicy.SpotOnly,
        CheckpointIntervalSeconds = 600,
        MaxHourlyPrice = "31.50",
        Priority = 3,
        ClusterSelector = new Dictionary<string, string> { ["tier"] = "gold", ["env"] = "prod" },
        Labels = new Dictionary<string, string> { ["project"] = "llm", ["owner"] = "ana" },
    };

    [Fact]
    public void Of_ASpecWithoutTolerations_IsTheStoredValue() =>
        Assert.Equal("843e83e12d518da5d6ced9c192cd21da7b2fe8440d4be5c3972c4de29c0eaf74", SpecFingerprint.Of(Valid(Full)));

    [Fact]
    public void Of_ASpecWithTolerations_IsTheStoredValue() =>
        Assert.Equal("1ab1258c9305e97efcd83ec0dfa0dbf4108647937adf185a57f39d753d2ae747", SpecFingerprint.Of(Valid(Full with { Tolerations = [new TolerationDraft("dedicated", "Equal", "ml", "NoSchedule")] })));

    [Fact]
    public void Of_IgnoresTheOrderOfEnvLabelsAndSelector()
    {
        var reordered = Full with
        {
            Env = Full.Env.Reverse().ToDictionary(),
            Labels = Full.Labels.Reverse().ToDictionary(),
            ClusterSelector = Full.ClusterSelector.Reverse().ToDictionary(),
        };

        Assert.Equal(SpecFingerprint.Of(Valid(Full)), SpecFingerprint.Of(Valid(reordered)));
    }

    [Fact]
    public void Of_TellsSpecsThatDifferInOneField() =>
        Assert.NotEqual(SpecFingerprint.Of(Valid(Full)), SpecFingerprint.Of(Valid(Full with { Priority = 4 })));

    private static JobSpec Valid(JobSpecDraft draft)
    {
        var errors = Validator.Validate(draft, out var spec);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return spec!;
    }
}
