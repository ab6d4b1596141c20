using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Conformance.Jobs;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>The steps the PostgreSQL-only tests take on jobs: submit one, and place it on the conformance data's spot pool.</summary>
internal sealed class JobSteps
{
    public const string Pool = StoreTestData.SpotPool;

    /// <summary>The time the steps happen at; it moves only when a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new();

    public async Task<Job> SubmitAsync(PostgresStores stores, string id)
    {
        var job = Job.New(new JobId(id), JobSpecs.Gpu(id, 1).Obj(), id, Clock.GetUtcNow());
        Assert.Equal(SubmitStatus.Created, (await stores.Jobs.SubmitAsync(job, id, default)).Status);
        return job;
    }

    /// <summary>Places <paramref name="job"/> on <see cref="Pool"/>, reserving <paramref name="nodes"/> of its <paramref name="poolMaxNodes"/>.</summary>
    public JobUpdate PlaceUpdate(Job job, int nodes, int poolMaxNodes)
    {
        var (next, transition) = JobLifecycle.Place(job, StoreTestData.PlacementOn(Pool, nodes, job.Attempt + 1), Clock.GetUtcNow());
        return new JobUpdate(next, transition, job.Version, new Reservation(Pool, nodes, poolMaxNodes));
    }
}
