using System.Text.Json;
using Grpc.Core;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

public sealed class PlanCommandTests : IDisposable
{
    private const string TwoJobDocuments = "name: first\nimage: img\n---\nname: second\nimage: img\nworker: {gpus: 1}\n";

    private readonly Placectl _placectl = new();
    private readonly string _jobFile = Path.Combine(Path.GetTempPath(), $"placectl-plan-test-{Guid.NewGuid():N}.yaml");

    public PlanCommandTests() => _placectl.Api.OnPlan = PlanSamples.Answer;

    public void Dispose() => File.Delete(_jobFile);

    private Task<PlacectlResult> PlanAsync(string yaml, params string[] extra)
    {
        File.WriteAllText(_jobFile, yaml);
        return _placectl.RunAsync(["plan", "-f", _jobFile, .. extra]);
    }

    [Fact]
    public async Task Plan_SingleJobFile_SendsOneSpecInTheSubmitFormat()
    {
        await PlanAsync("name: train\nimage: img\nworker: {gpus: 2, gpuModels: [T4]}\n");

        var request = Assert.IsType<PlanJobsRequest>(Assert.Single(_placectl.Api.Requests));
        var spec = Assert.Single(request.Specs);
        Assert.Equal(("train", "img", 2), (spec.Name, spec.Container.Image, spec.Worker.Gpus));
    }

    [Fact]
    public async Task Plan_SeveralJobDocuments_SendsEverySpecInFileOrder()
    {
        await PlanAsync(TwoJobDocuments);

        var request = Assert.IsType<PlanJobsRequest>(Assert.Single(_placectl.Api.Requests));
        Assert.Equal(["first", "second"], request.Specs.Select(s => s.Name));
    }

    [Fact]
    public async Task Plan_Table_PrintsHeaderPerJobCandidateTableWithChosenRowMarkedAndTotal()
    {
        var result = await PlanAsync(TwoJobDocuments);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Contains("1/2 first: placed on a100-spot, expected $23.95", lines);
        var table = Array.FindIndex(lines, line => line.StartsWith("Candidates (cheapest first, * = chosen)", StringComparison.Ordinal));
        Assert.Contains("POOL", lines[table + 1], StringComparison.Ordinal);
        Assert.StartsWith("*   gke-ew4/a100-spot", lines[table + 2], StringComparison.Ordinal);
        Assert.Single(lines, line => line.StartsWith('*'));
        Assert.Contains("Total: 1 of 2 jobs placed, expected $23.95 (solver greedy)", lines);
    }

    [Fact]
    public async Task Plan_SomeJobsWouldWait_ExitsZeroWithReasonAndWhatWouldFit()
    {
        var result = await PlanAsync(TwoJobDocuments);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("2/2 second: pending (capacity)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  pending (capacity): gke-ew4/a100-spot has 0 free nodes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("What would fit:\n  - wait for 1 free nodes in a100-spot", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Plan_JsonOutput_PrintsTheWholeResponse()
    {
        var result = await PlanAsync(TwoJobDocuments, "-o", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("23.95", root.GetProperty("totalCost").GetString());
        Assert.Equal("greedy", root.GetProperty("solver").GetString());
        var jobs = root.GetProperty("jobs");
        Assert.Equal(2, jobs.GetArrayLength());
        Assert.Equal("a100-spot", jobs[0].GetProperty("chosen").GetProperty("pool").GetString());
        Assert.Equal("capacity", jobs[1].GetProperty("reason").GetString());
        Assert.Equal(1, jobs[1].GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task Plan_YamlOutput_PrintsTheWholeResponse()
    {
        var result = await PlanAsync(TwoJobDocuments, "-o", "yaml");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("totalCost: \"23.95\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("reason: capacity", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BadSecondJob_ExitsWithJobFileCodeNamingLineAndFieldAndSendsNothing()
    {
        var result = await PlanAsync("name: first\nimage: img\n---\nname: second\nworker:\n  gpus: eight\n");

        Assert.Equal(ExitCodes.InvalidJobFile, result.ExitCode);
        Assert.Equal($"error: {_jobFile}:6:9: worker.gpus: expected an integer, got 'eight'\n", result.Stderr);
        Assert.Empty(_placectl.Api.Requests);
    }

    [Fact]
    public async Task Plan_ServerRejectsASpec_ExitsWithStatusCodeAndItsDetail()
    {
        _placectl.Api.OnPlan = _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "specs[1].worker.gpus: 99 is out of range"));

        var result = await PlanAsync(TwoJobDocuments);

        Assert.Equal(ExitCodes.ForStatus(StatusCode.InvalidArgument), result.ExitCode);
        Assert.Contains("specs[1].worker.gpus: 99 is out of range", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WithoutFile_IsUsageError()
    {
        var result = await _placectl.RunAsync("plan");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--file", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Plan_AllFlag_AsksForEveryCandidateOnlyWhenGiven(bool all)
    {
        await PlanAsync(TwoJobDocuments, all ? ["--all"] : []);

        Assert.Equal(all, Assert.IsType<PlanJobsRequest>(Assert.Single(_placectl.Api.Requests)).AllCandidates);
    }

    [Fact]
    public async Task Plan_ServerLeftPoolsOut_EachJobSaysHowManyAndTheCommandThatShowsThem()
    {
        _placectl.Api.OnPlan = request =>
        {
            var response = PlanSamples.Answer(request);
            response.Jobs[0].CandidatesOmitted = 49;
            response.Jobs[1].CandidatesOmitted = 1;
            return response;
        };

        var result = await PlanAsync(TwoJobDocuments);

        Assert.Contains($"49 more candidate pools not shown; placectl plan -f {_jobFile} --all shows every one\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"1 more candidate pool not shown; placectl plan -f {_jobFile} --all shows every one\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deadline: tomorrow", "deadline")]
    [InlineData("deadline: 2026-13-45T00:00:00Z", "deadline")]
    [InlineData("deadline: 2026-12-01T00:00:00", "deadline")]
    [InlineData("deadline: '{0}'", "deadline")]
    [InlineData("estimatedRuntime: 10y", "estimatedRuntime")]
    [InlineData("estimatedRuntime: 99999999h", "estimatedRuntime")]
    public async Task Plan_InvalidDeadlineOrDuration_MessageNamesTheKeyWithPlaceholdersFilled(string line, string key)
    {
        var result = await PlanAsync($"name: first\nimage: img\n{line}\n");

        Assert.Equal(ExitCodes.InvalidJobFile, result.ExitCode);
        Assert.StartsWith($"error: {_jobFile}:3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($" {key}: ", result.Stderr, StringComparison.Ordinal);
        // Only the quoted input may hold a brace: a message template's "{0}" must not survive.
        Assert.DoesNotMatch(@"\{[0-9a-zA-Z_]*(:[^}]*)?\}", result.Stderr.Replace("'{0}'", "", StringComparison.Ordinal));
    }
}
