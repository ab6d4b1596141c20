using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics.Tests.Fakes;

/// <summary>Answers the four reads metrics make from what the test put in; every other call is a test bug.</summary>
internal sealed class FakeJobStore : IJobStore
{
    public Dictionary<JobState, int> Counts { get; } = [];

    public List<SpendRow> Spend { get; } = [];

    public Dictionary<string, Money> Charges { get; } = [];

    public Dictionary<string, int> UsedNodes { get; } = [];

    /// <summary>When set, every read throws it, as a store that lost its database would.</summary>
    public Exception? Failure { get; set; }

    public Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken) =>
        Answer<IReadOnlyDictionary<JobState, int>>(new Dictionary<JobState, int>(Counts));

    public Task<IReadOnlyList<SpendRow>> GetSpendAsync(CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<SpendRow>>([.. Spend]);

    public Task<IReadOnlyDictionary<string, Money>> GetTeamChargesAsync(CancellationToken cancellationToken) =>
        Answer<IReadOnlyDictionary<string, Money>>(new Dictionary<string, Money>(Charges));

    public Task<IReadOnlyDictionary<string, int>> GetUsedNodesAsync(CancellationToken cancellationToken) =>
        Answer<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(UsedNodes));

    public Task<SubmitOutcome> SubmitAsync(Job job, string specFingerprint, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Job>> GetByStatesAsync(IReadOnlyCollection<JobState> states, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private Task<T> Answer<T>(T value) => Failure is null ? Task.FromResult(value) : Task.FromException<T>(Failure);
}
