using PlacementEngine.Cli.Commands.Plan;
using PlacementEngine.Cli.JobFiles;

namespace PlacementEngine.Cli.Tests.Commands;

public sealed class PlanFileReaderTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);

    private static JobFileException Invalid(string yaml) => Assert.Throws<JobFileException>(() => PlanFileReader.Parse(yaml, "jobs.yaml"));

    [Fact]
    public void Parse_OneJob_IsAPlanOfOne()
    {
        var spec = Assert.Single(PlanFileReader.Parse("name: solo\nimage: img\n", "jobs.yaml"));

        Assert.Equal("solo", spec.Name);
    }

    [Fact]
    public void Parse_YamlListOfJobs_ReadsEachInOrder()
    {
        var specs = PlanFileReader.Parse("- name: a\n  image: img\n- name: b\n  image: img\n  workers: 3\n", "jobs.yaml");

        Assert.Equal([("a", 1), ("b", 3)], specs.Select(s => (s.Name, s.Workers)));
    }

    [Fact]
    public void Parse_DocumentsWithLeadingAndTrailingSeparators_SkipsTheEmptyOnes()
    {
        var specs = PlanFileReader.Parse("---\nname: a\nimage: img\n---\nname: b\nimage: img\n---\n", "jobs.yaml");

        Assert.Equal(["a", "b"], specs.Select(s => s.Name));
    }

    [Fact]
    public void Parse_DocumentsAndListsMixed_ReadsAllInOrder()
    {
        var specs = PlanFileReader.Parse("name: a\nimage: img\n---\n- name: b\n  image: img\n- name: c\n  image: img\n", "jobs.yaml");

        Assert.Equal(["a", "b", "c"], specs.Select(s => s.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n---\n")]
    [InlineData("[]\n")]
    public void Parse_NoJobs_SaysTheFileNeedsOne(string yaml)
    {
        Assert.Equal("jobs.yaml: the file holds no jobs; it needs one job, a list of jobs, or job documents separated by ---", Invalid(yaml).Message);
    }

    [Fact]
    public void Parse_ListItemNotAMapping_NamesItsLine()
    {
        var error = Invalid("- name: a\n  image: img\n- just-a-name\n");

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Contains("expected a mapping of job fields for each item of the list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScalarDocument_NamesItsLine()
    {
        var error = Invalid("name: a\nimage: img\n---\n42\n");

        Assert.Equal(4, error.Line);
        Assert.Contains("expected a mapping of job fields, or a list of them", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKeyInSecondJob_NamesLineAndKey()
    {
        var error = Invalid("- name: a\n  image: img\n- name: b\n  gpu: 1\n");

        Assert.Equal((4, 3, "gpu"), (error.Line, error.Column, error.Field));
    }

    [Fact]
    public void Parse_MoreJobsThanAPlanTakes_IsRefusedBeforeSending()
    {
        var yaml = string.Concat(Enumerable.Range(0, PlanFileReader.MaxJobs + 1).Select(i => $"- {{name: j{i}, image: img}}\n"));

        Assert.Equal("jobs.yaml: the file holds 1001 jobs; a plan takes at most 1000", Invalid(yaml).Message);
    }

    [Fact]
    public void ReadFile_PlanBatchExample_HoldsThreeJobsThatContendForEuA100s()
    {
        var specs = PlanFileReader.ReadFile(Example("plan-batch.yaml"));

        Assert.Equal(["eu-pretrain", "eu-eval", "t4-sweep"], specs.Select(s => s.Name));
        Assert.Equal([2, 1, 4], specs.Select(s => s.Workers));
        Assert.All(specs.Take(2), s => Assert.Equal(["EU"], s.Residency.Jurisdictions));
        Assert.All(specs.Take(2), s => Assert.Equal(8, s.Worker.Gpus));
    }

    [Fact]
    public void ReadFile_SingleJobExample_IsAPlanOfOne()
    {
        Assert.Equal("llm-finetune-eu", Assert.Single(PlanFileReader.ReadFile(Example("eu-a100-8x.yaml"))).Name);
    }
}
