using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>A watch's snapshot carries the history so far, and a change racing it is reported once, not twice.</summary>
public sealed class WatchHistoryTests
{
    [Fact]
    public async Task Watch_ChangeLandsBetweenReadingTheJobAndItsHistory_ComesOnceAsAnEvent()
    {
        using var harness = new SchedulerHarness(Fleets.Make().Cluster("c1", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.OnDemand, 0.526m, 2));
        var job = await harness.SubmitAsync(JobSpecs.Gpu("t", 1).Hours(1).Obj());
        var store = new HistoryReadLate(harness.Store, () => harness.Jobs.CancelAsync(job.Id, "raced", default));
        var problems = new ProblemBuilder(store, harness.Fleet, harness.Prices, new StaticBudgetSource(new Dictionary<string, Money>()));
        var jobs = new JobOperations(store, harness.Writer, harness.Events, new JobSpecValidator(RegionDirectory.Default, harness.Time), problems, harness.Dispatchers, harness.Trigger);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var seen = new List<JobChange>();
        await foreach (var change in jobs.WatchAsync(job.Id, timeout.Token))
        {
            seen.Add(change);
        }

        Assert.Equal(2, seen.Count);
        Assert.Equal([(null, JobState.Pending)], seen[0].History!.Select(t => (t.From, t.To)));
        Assert.Equal(JobState.Cancelled, seen[1].Transition!.To);
    }

    /// <summary>The harness's store, except that reading a history first lets <paramref name="race"/> commit a change.</summary>
    private sealed class HistoryReadLate(IJobStore inner, Func<Task> race) : IJobStore
    {
        private Func<Task>? _race = race;

        public async Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _race, null) is { } racing)
            {
                await racing();
            }
            return await inner.GetTransitionsAsync(id, cancellationToken);
        }

        public Task<SubmitOutcome> SubmitAsync(Job job, string specFingerprint, CancellationToken cancellationToken) => inner.SubmitAsync(job, specFingerprint, cancellationToken);

        public Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

        public Task<IReadOnlyList<Job>> GetByStatesAsync(IReadOnlyCollection<JobState> states, CancellationToken cancellationToken) => inner.GetByStatesAsync(states, cancellationToken);

        public Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken) => inner.CommitAsync(updates, cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> GetUsedNodesAsync(CancellationToken cancellationToken) => inner.GetUsedNodesAsync(cancellationToken);

        public Task<IReadOnlyDictionary<string, Money>> GetTeamChargesAsync(CancellationToken cancellationToken) => inner.GetTeamChargesAsync(cancellationToken);

        public Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken) => inner.CountByStateAsync(cancellationToken);

        public Task<IReadOnlyList<SpendRow>> GetSpendAsync(CancellationToken cancellationToken) => inner.GetSpendAsync(cancellationToken);
    }
}
