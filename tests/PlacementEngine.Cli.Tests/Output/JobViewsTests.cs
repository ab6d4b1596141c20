using PlacementEngine.Cli.Output;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Output;

public sealed class JobViewsTests
{
    [Fact]
    public void JobDetail_PlacedJob_ShowsWhereItRunsAndTheCostBreakdown()
    {
        var fields = Fields(JobDetailView.Build(Samples.RunningJob()));

        Assert.Equal("Running", fields["State"]);
        Assert.Equal("gke-ew4/a100-spot (gcp europe-west4, 1 x a2-highgpu-8g spot, simulated), expected $23.95536", fields["Placement"]);
        Assert.Equal("$3.79256/h x 1 node x 6 h = compute $22.75536; egress $0.00; spot risk $1.20; total $23.95536", fields["Cost"]);
        Assert.Equal("1 x (8 GPU A100, 90 vCPU, 600 GiB)", fields["Workers"]);
        Assert.Equal("spot-preferred, checkpoints every 30m", fields["Capacity"]);
    }

    [Fact]
    public void JobDetail_PendingJob_ShowsStateReasonAndNoPlacement()
    {
        var job = new Job { Id = "job-1", State = JobState.Pending, StateReason = "waiting for the next cycle" };

        var fields = Fields(JobDetailView.Build(job));

        Assert.Equal("Pending (waiting for the next cycle)", fields["State"]);
        Assert.False(fields.ContainsKey("Placement"));
    }

    [Fact]
    public void JobDetail_WithHistory_ListsTransitionsInOrder()
    {
        var table = Assert.Single(JobDetailView.Build(Samples.RunningJob()).OfType<TableBlock>());

        Assert.Equal(["Pending -> Placed", "Placed -> Running"], table.Rows.Select(row => row[1]));
        Assert.Equal(["cheapest eligible pool", "pods running"], table.Rows.Select(row => row[2]));
    }

    [Fact]
    public void JobDetail_FirstHistoryEntry_ReadsSubmitted()
    {
        var job = Samples.RunningJob();
        job.Transitions.Insert(0, Samples.Submitted());

        var table = Assert.Single(JobDetailView.Build(job).OfType<TableBlock>());

        Assert.Equal(["2026-11-21 09:00:00Z", "submitted", "-"], table.Rows[0]);
    }

    [Fact]
    public void PlacementLine_PoolNamedAfterItsCluster_NamesTheClusterOnce()
    {
        var placement = Samples.RunningJob().Placement;
        placement.Cluster = "aks-eastus";
        placement.Pool = "aks-eastus/Standard_NC24ads_A100_v4/spot";

        Assert.StartsWith("aks-eastus/Standard_NC24ads_A100_v4/spot (gcp", JobDetailView.PlacementLine(placement), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a100-spot", "gke-ew4/a100-spot")]
    [InlineData("gke-ew4/a2-highgpu-8g/spot", "gke-ew4/a2-highgpu-8g/spot")]
    public void JobList_Placement_NamesTheClusterExactlyOnce(string pool, string shown)
    {
        var job = Samples.RunningJob();
        job.Placement.Pool = pool;

        var table = Assert.IsType<TableBlock>(Assert.Single(JobListView.Build([job])));

        Assert.Equal(shown, table.Rows[0][4]);
    }

    [Fact]
    public void WatchEvent_Snapshot_PrintsTheStateThenTheHistorySoFar()
    {
        var job = Samples.RunningJob();
        job.Transitions.Insert(0, Samples.Submitted());

        var lines = Assert.IsType<LinesBlock>(Assert.Single(JobEventView.WatchEvent(new JobEvent { Job = job }))).Lines;

        Assert.Equal(
        [
            "job job-7f3a: Running",
            "placed on gke-ew4/a100-spot (gcp europe-west4, 1 x a2-highgpu-8g spot, simulated), expected $23.95536",
            "2026-11-21 09:00:00Z  submitted",
            "2026-11-21 09:00:00Z  Pending -> Placed  cheapest eligible pool",
            "2026-11-21 09:05:00Z  Placed -> Running  pods running",
        ], lines);
    }

    [Fact]
    public void JobList_NoJobs_SaysSoInsteadOfAnEmptyTable()
    {
        var lines = Assert.IsType<LinesBlock>(Assert.Single(JobListView.Build([])));

        Assert.Equal(["No jobs found."], lines.Lines);
    }

    [Fact]
    public void Submitted_AlreadyExisted_SaysNoNewJobStarted()
    {
        var response = new SubmitJobResponse { Job = Samples.RunningJob(), AlreadyExisted = true };

        var lines = Assert.IsType<LinesBlock>(Assert.Single(JobEventView.Submitted(response))).Lines;

        Assert.Equal("job job-7f3a already existed (same idempotency key); state Running", lines[0]);
        Assert.StartsWith("placed on gke-ew4/a100-spot", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void WatchEvent_Transition_PrintsOneLineWithTimeStatesAndReason()
    {
        var job = Samples.RunningJob();
        var jobEvent = new JobEvent { Job = job, Transition = job.Transitions[1] };

        var lines = Assert.IsType<LinesBlock>(Assert.Single(JobEventView.WatchEvent(jobEvent))).Lines;

        Assert.Equal(["2026-11-21 09:05:00Z  Placed -> Running  pods running"], lines);
    }

    private static Dictionary<string, string> Fields(IReadOnlyList<Block> blocks) =>
        blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Key, f => f.Value);
}
