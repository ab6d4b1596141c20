using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Jobs;

public sealed class TolerationValidatorTests
{
    private static readonly JobSpecValidator Validator = new(RegionDirectory.Default);

    private static JobSpecDraft Draft(params TolerationDraft[] tolerations) => new()
    {
        Name = "etl",
        Team = "data",
        Image = "ghcr.io/acme/etl:1",
        VCpus = 2,
        MemoryGiB = 4,
        EstimatedRuntimeSeconds = 3600,
        Tolerations = tolerations,
    };

    [Fact]
    public void Validate_KubernetesTolerations_BuildsThem()
    {
        var errors = Validator.Validate(Draft(new("nvidia.com/gpu", "Exists", "", "NoSchedule"), new("dedicated", "", "ml", "")), out var spec);

        Assert.Empty(errors);
        Assert.Equal(
            [new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule), new Toleration("dedicated", TolerationOperator.Equal, "ml", null)],
            spec!.Tolerations);
    }

    [Theory]
    [InlineData("k", "Like", "", "", "spec.tolerations[0].operator", "'Like' is not Exists or Equal")]
    [InlineData("k", "Exists", "v", "", "spec.tolerations[0].value", "must be empty when the operator is Exists")]
    [InlineData("", "Equal", "v", "", "spec.tolerations[0].key", "is required unless the operator is Exists (which then tolerates every taint)")]
    [InlineData("k", "Exists", "", "Never", "spec.tolerations[0].effect", "'Never' is not NoSchedule, PreferNoSchedule or NoExecute")]
    public void Validate_BadToleration_NamesTheField(string key, string op, string value, string effect, string field, string message)
    {
        var errors = Validator.Validate(Draft(new TolerationDraft(key, op, value, effect)), out var spec);

        Assert.Null(spec);
        Assert.Equal(new FieldError(field, message), Assert.Single(errors));
    }
}
