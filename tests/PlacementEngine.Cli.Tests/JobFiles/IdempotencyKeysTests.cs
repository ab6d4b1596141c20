using PlacementEngine.Cli.JobFiles;

namespace PlacementEngine.Cli.Tests.JobFiles;

public sealed class IdempotencyKeysTests
{
    private const string Job = "name: n\nimage: i\nlabels: {a: '1', b: '2'}\nworker: {gpus: 1}\n";

    [Fact]
    public void ForSpec_SameFileTwice_GivesSameKey()
    {
        Assert.Equal(KeyOf(Job), KeyOf(Job));
    }

    [Fact]
    public void ForSpec_OnlyCommentsAndLayoutDiffer_GivesSameKey()
    {
        const string Reformatted = "# retried from CI\nname:   n\nimage: i\nlabels:\n  b: '2'\n  a: '1'\nworker:\n  gpus: 1\n";

        Assert.Equal(KeyOf(Job), KeyOf(Reformatted));
    }

    [Fact]
    public void ForSpec_AnyFieldDiffers_GivesDifferentKey()
    {
        Assert.NotEqual(KeyOf(Job), KeyOf(Job.Replace("gpus: 1", "gpus: 2", StringComparison.Ordinal)));
    }

    [Fact]
    public void ForSpec_Always_IsPrefixedAndShort()
    {
        var key = KeyOf(Job);

        Assert.StartsWith(IdempotencyKeys.Prefix, key, StringComparison.Ordinal);
        Assert.Equal(IdempotencyKeys.Prefix.Length + 32, key.Length);
    }

    private static string KeyOf(string yaml) => IdempotencyKeys.ForSpec(JobFileReader.Parse(yaml, "job.yaml"));
}
