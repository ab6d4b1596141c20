using Google.Protobuf.WellKnownTypes;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

/// <summary>Submitting again what the server shows: "jobs get" output fed to "jobs submit -f", "-f -", and "jobs rerun".</summary>
public sealed class JobsResubmitTests
{
    private readonly Placectl _placectl = new();

    public JobsResubmitTests()
    {
        _placectl.Api.OnGet = request => FullJob(request.Id);
        _placectl.Api.OnSubmit = request => new SubmitJobResponse { Job = new Job { Id = "job-new", State = JobState.Pending, Spec = request.Spec } };
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public async Task Submit_OutputOfJobsGetPiped_SubmitsTheSameSpecAndSaysWhatItIgnored(string format)
    {
        _placectl.Stdin = (await _placectl.RunAsync("jobs", "get", "job-7f3a", "-o", format)).Stdout;

        var result = await _placectl.RunAsync("jobs", "submit", "-f", "-");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(FullJob("job-7f3a").Spec, _placectl.Api.Requests.OfType<SubmitJobRequest>().Single().Spec);
        Assert.Equal(
            "note: submitting the spec of a job as jobs get prints it; ignored: id, team, state, placement, createdAt, updatedAt, transitions, attempts, idempotencyKey\n",
            result.Stderr);
    }

    [Fact]
    public async Task Submit_DashFile_ReadsStandardInput()
    {
        _placectl.Stdin = "name: train\nimage: img\n";

        var result = await _placectl.RunAsync("jobs", "submit", "-f", "-");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("train", Assert.IsType<SubmitJobRequest>(Assert.Single(_placectl.Api.Requests)).Spec.Name);
    }

    [Fact]
    public async Task Submit_JobDocumentWithAKeyThatIsNoJobField_NamesIt()
    {
        _placectl.Stdin = "id: job-1\nimage: img\nspec: {name: train}\n";

        var result = await _placectl.RunAsync("jobs", "submit", "-f", "-");

        Assert.Equal(ExitCodes.InvalidJobFile, result.ExitCode);
        Assert.StartsWith("error: stdin:2:1: image: is not a field of a job as jobs get prints it", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_placectl.Api.Requests);
    }

    [Fact]
    public async Task Rerun_Twice_SubmitsTheSameSpecWithANewKeyEachTimeAndPrintsTheNewId()
    {
        var first = await _placectl.RunAsync("jobs", "rerun", "job-7f3a");
        await _placectl.RunAsync("jobs", "rerun", "job-7f3a");

        var submits = _placectl.Api.Requests.OfType<SubmitJobRequest>().ToList();
        Assert.All(submits, s => Assert.Equal(FullJob("job-7f3a").Spec, s.Spec));
        Assert.NotEqual(submits[0].IdempotencyKey, submits[1].IdempotencyKey);
        Assert.DoesNotContain(IdempotencyKeys.ForSpec(submits[0].Spec), submits.Select(s => s.IdempotencyKey));
        Assert.Equal("job job-new submitted as a rerun of job-7f3a; state Pending\n", first.Stdout);
    }

    [Fact]
    public async Task Rerun_ExplicitKey_IsSentAsGiven()
    {
        await _placectl.RunAsync("jobs", "rerun", "job-7f3a", "--idempotency-key", "nightly-2026-12-07");

        Assert.Equal("nightly-2026-12-07", _placectl.Api.Requests.OfType<SubmitJobRequest>().Single().IdempotencyKey);
    }

    /// <summary>A job whose spec sets every field, with each kind of value (enum, int64, double, money, map, timestamp).</summary>
    private static Job FullJob(string id)
    {
        var job = Samples.RunningJob(id);
        job.Transitions.Insert(0, Samples.Submitted());
        var spec = job.Spec;
        spec.Team = "ml-research";
        spec.Container = new ContainerSpec { Image = "ghcr.io/acme/train:2.1", Command = { "python", "train.py" }, Args = { "--epochs", "3" }, Env = { ["DEBUG"] = "0" } };
        spec.Residency = new Residency { Jurisdictions = { "EU" }, Regions = { "gcp:europe-west4" }, Clouds = { "gcp" } };
        spec.Data = new DataLocation { Region = "gcp:europe-west4", GbRead = 512.5 };
        spec.CapacityPolicy = CapacityPolicy.OnDemandOnly;
        spec.MaxHourlyPrice = "40.00";
        spec.Deadline = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        spec.Priority = 50;
        spec.ClusterSelector.Add("environment", "prod");
        spec.Labels.Add("cost-center", "42");
        spec.Tolerations.Add(new Toleration { Key = "nvidia.com/gpu", Operator = "Exists", Effect = "NoSchedule" });
        return job;
    }
}
