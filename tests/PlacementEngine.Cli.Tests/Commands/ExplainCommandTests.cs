using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

/// <summary>"jobs explain": the best few candidates by default, how many were left out and how to see them, --all for every one.</summary>
public sealed class ExplainCommandTests
{
    private readonly Placectl _placectl = new();

    public ExplainCommandTests() => _placectl.Api.OnExplain = _ => Samples.PlacedExplanation();

    [Fact]
    public async Task Explain_Default_AsksForTheShortlist()
    {
        await _placectl.RunAsync("jobs", "explain", "job-7f3a");

        var request = Assert.IsType<ExplainJobRequest>(Assert.Single(_placectl.Api.Requests));
        Assert.Equal(("job-7f3a", false), (request.Id, request.AllCandidates));
    }

    [Fact]
    public async Task Explain_All_AsksForEveryCandidate()
    {
        await _placectl.RunAsync("jobs", "explain", "job-7f3a", "--all");

        Assert.True(Assert.IsType<ExplainJobRequest>(Assert.Single(_placectl.Api.Requests)).AllCandidates);
    }

    [Fact]
    public async Task Explain_ServerLeftPoolsOut_SaysHowManyAndTheCommandThatShowsThem()
    {
        _placectl.Api.OnExplain = _ =>
        {
            var explanation = Samples.PlacedExplanation();
            explanation.CandidatesOmitted = 48;
            return explanation;
        };

        var result = await _placectl.RunAsync("jobs", "explain", "job-7f3a");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        var note = Array.IndexOf(lines, "48 more candidate pools not shown; placectl jobs explain job-7f3a --all shows every one");
        Assert.True(note > Array.FindIndex(lines, line => line.StartsWith('*')), result.Stdout);
    }

    [Fact]
    public async Task Explain_NothingLeftOut_NoNote()
    {
        var result = await _placectl.RunAsync("jobs", "explain", "job-7f3a");

        Assert.DoesNotContain("not shown", result.Stdout, StringComparison.Ordinal);
    }
}
