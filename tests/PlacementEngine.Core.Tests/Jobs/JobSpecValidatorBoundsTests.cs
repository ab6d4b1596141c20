using Microsoft.Extensions.Time.Testing;
using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Jobs;

/// <summary>Hostile and out-of-range input: every value refused with its field named, never an exception.</summary>
public sealed class JobSpecValidatorBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly JobSpecValidator Validator = new(RegionDirectory.Default, new FakeTimeProvider(Now));

    private static JobSpecDraft Valid() => new()
    {
        Name = "train-llm",
        Team = "ml-research",
        Image = "ghcr.io/acme/train:1",
        Gpus = 8,
        VCpus = 90,
        MemoryGiB = 600,
        EstimatedRuntimeSeconds = 3600,
    };

    private static Dictionary<string, string> Map(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    public static TheoryData<string, Func<JobSpecDraft, JobSpecDraft>, string> HostileDrafts() => new()
    {
        { "huge memory", d => d with { MemoryGiB = 1e308 }, "spec.worker.memory_gib" },
        { "huge vCPUs", d => d with { VCpus = 1e300 }, "spec.worker.vcpus" },
        { "denormal vCPUs", d => d with { VCpus = 5e-324 }, "spec.worker.vcpus" },
        { "huge data", d => d with { DataRegion = "gcp:europe-west4", DataGbRead = 1e308 }, "spec.data.gb_read" },
        { "max checkpoint", d => d with { CheckpointIntervalSeconds = long.MaxValue }, "spec.checkpoint_interval_seconds" },
        { "shell in image", d => d with { Image = "busybox; rm -rf / $(id)" }, "spec.container.image" },
        { "uppercase path", d => d with { Image = "ghcr.io/Acme/train" }, "spec.container.image" },
        { "bad tag", d => d with { Image = "busybox:-latest" }, "spec.container.image" },
        { "short digest", d => d with { Image = "busybox@sha256:abc" }, "spec.container.image" },
        { "empty label key", d => d with { Labels = Map(("", "x")) }, "spec.labels" },
        { "spaced label key", d => d with { Labels = Map(("key with spaces", "x")) }, "spec.labels" },
        { "label prefix uppercase", d => d with { Labels = Map(("Example.com/app", "x")) }, "spec.labels" },
        { "long label value", d => d with { Labels = Map(("owner", new string('a', 300))) }, "spec.labels[owner]" },
        { "label value edge", d => d with { Labels = Map(("owner", "-ana")) }, "spec.labels[owner]" },
        { "10,000 labels", d => d with { Labels = Enumerable.Range(0, 10_000).ToDictionary(i => $"k{i}", i => "v") }, "spec.labels" },
        { "bad selector key", d => d with { ClusterSelector = Map(("a b", "x")) }, "spec.cluster_selector" },
        { "env name", d => d with { Env = Map(("1BAD=KEY", "v")) }, "spec.container.env" },
        { "1 MB env value", d => d with { Env = Map(("GOOD", new string('v', 1 << 20))) }, "spec.container.env[GOOD]" },
        { "100,000 args", d => d with { Args = Enumerable.Repeat("x", 100_000).ToList() }, "spec.container.args" },
        { "deadline in 1970", d => d with { Deadline = DateTimeOffset.UnixEpoch }, "spec.deadline" },
        { "deadline now", d => d with { Deadline = Now }, "spec.deadline" },
        { "deadline far ahead", d => d with { Deadline = Now.AddYears(100) }, "spec.deadline" },
        { "huge team", d => d with { Team = new string('t', 5000) }, "spec.team" },
        { "long price", d => d with { MaxHourlyPrice = new string('9', 5000) }, "spec.max_hourly_price" },
        { "many regions", d => d with { Regions = Enumerable.Repeat("gcp:europe-west4", 1000).ToList() }, "spec.residency.regions" },
    };

    [Theory]
    [MemberData(nameof(HostileDrafts))]
    public void Validate_HostileValue_RefusedNamingTheField(string scenario, Func<JobSpecDraft, JobSpecDraft> breakIt, string field)
    {
        var errors = Validator.Validate(breakIt(Valid()), out var spec);

        Assert.Null(spec);
        Assert.True(errors.Any(e => e.Field == field), $"{scenario}: {string.Join("; ", errors)}");
        Assert.All(errors, e => Assert.InRange(e.Message.Length, 1, 400));
    }

    public static TheoryData<string, Func<JobSpecDraft, JobSpecDraft>, string> ControlCharacters() => new()
    {
        { "escape in team", d => d with { Team = "ml\u001b[2Jresearch" }, "spec.team" },
        { "NUL in arg", d => d with { Args = ["a", "b\0c"] }, "spec.container.args[1]" },
        { "DEL in command", d => d with { Command = ["run\u007f"] }, "spec.container.command[0]" },
        { "C1 in env value", d => d with { Env = Map(("MODE", "fast\u0085")) }, "spec.container.env[MODE]" },
        { "bidi override in arg", d => d with { Args = ["invoice\u202Efdp.exe"] }, "spec.container.args[0]" },
        { "bidi isolate in price", d => d with { MaxHourlyPrice = "\u20661" }, "spec.max_hourly_price" },
        { "newline in region", d => d with { Regions = ["gcp:europe-west4\n"] }, "spec.residency.regions[0]" },
        { "control in selector value", d => d with { ClusterSelector = Map(("env", "pro\u0007d")) }, "spec.cluster_selector[env]" },
        { "control in name", d => d with { Name = "train\rx" }, "spec.name" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void Validate_ControlOrBidiCharacter_RefusedNamingTheFieldAndEscapedInTheMessage(string scenario, Func<JobSpecDraft, JobSpecDraft> breakIt, string field)
    {
        var errors = Validator.Validate(breakIt(Valid()), out var spec);

        Assert.Null(spec);
        var error = Assert.Single(errors, e => e.Field == field);
        Assert.True(InputText.IndexOfUnsafe(error.Message) < 0, $"{scenario}: the message carries the raw character");
    }

    [Fact]
    public void Validate_ScriptInArgsAndEnv_TabsAndNewlinesAllowed()
    {
        var errors = Validator.Validate(Valid() with { Args = ["-c", "set -e\n\techo hi\n"], Env = Map(("SCRIPT", "a\nb")) }, out var spec);

        Assert.Empty(errors);
        Assert.NotNull(spec);
    }

    [Theory]
    [InlineData("busybox")]
    [InlineData("library/busybox:1.36")]
    [InlineData("ghcr.io/acme/train-llm__v2:2024.05-rc_1")]
    [InlineData("localhost:5000/team/img")]
    [InlineData("registry.example.com:443/a.b/c--d@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Validate_ValidImageReference_Accepted(string image)
    {
        var errors = Validator.Validate(Valid() with { Image = image }, out _);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_KubernetesLabels_Accepted()
    {
        var labels = Map(("app.kubernetes.io/name", "train"), ("owner", ""), ("A_b.c-9", "Z.y_x-1"), (new string('k', 63), new string('v', 63)));

        var errors = Validator.Validate(Valid() with { Labels = labels, ClusterSelector = Map(("topology.kubernetes.io/zone", "eu-1a")) }, out _);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_SameUnknownModelTwice_ListedOnce()
    {
        var errors = Validator.Validate(Valid() with { GpuModels = ["B9000", "B9000"] }, out _);

        Assert.Single(errors);
    }

    [Fact]
    public void Validate_HugeName_QuotedBoundedWithItsLength()
    {
        var errors = Validator.Validate(Valid() with { Name = new string('N', 20_000) }, out _);

        var error = Assert.Single(errors);
        Assert.Equal("spec.name", error.Field);
        Assert.Contains("… (20000 characters)", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Message.Length, 1, 300);
    }

    [Fact]
    public void Validate_DeadlineAhead_Accepted()
    {
        var errors = Validator.Validate(Valid() with { Deadline = Now.AddDays(3) }, out var spec);

        Assert.Empty(errors);
        Assert.Equal(Now.AddDays(3), spec!.Deadline);
    }
}
