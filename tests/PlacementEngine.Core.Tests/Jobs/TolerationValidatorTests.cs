using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Jobs;

public sealed class TolerationValidatorTests
{
    private static readonly JobSpecValidator Validator = new(RegionDirectory.Default, TimeProvider.System);

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
    [InlineData("key with spaces", "Exists", "", "", "spec.tolerations[0].key", "the name part must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit")]
    [InlineData("k", "Equal", "not a value!", "", "spec.tolerations[0].value", "a label value must be empty or 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit")]
    public void Validate_BadToleration_NamesTheField(string key, string op, string value, string effect, string field, string message)
    {
        var errors = Validator.Validate(Draft(new TolerationDraft(key, op, value, effect)), out var spec);

        Assert.Null(spec);
        Assert.Equal(new FieldError(field, message), Assert.Single(errors));
    }

    [Fact]
    public void Validate_MoreTolerationsThanTheBound_RefusedOnceNamingTheList()
    {
        var many = Enumerable.Range(0, JobSpecLimits.MaxTolerations + 1).Select(i => new TolerationDraft($"k{i}", "Exists", "", "")).ToArray();

        var errors = Validator.Validate(Draft(many), out var spec);

        Assert.Null(spec);
        Assert.Equal("spec.tolerations", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_HugeOperator_QuotedBounded()
    {
        var errors = Validator.Validate(Draft(new TolerationDraft("k", new string('x', 20_000), "", "")), out _);

        Assert.True(Assert.Single(errors).Message.Length < 200, "the refusal quotes a bounded prefix of what was sent");
    }
}
