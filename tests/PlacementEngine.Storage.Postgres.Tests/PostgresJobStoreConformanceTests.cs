using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Conformance.Jobs;
using PlacementEngine.TestKit;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Storage.Postgres.Tests;

/// <summary>The job store conformance suite against PostgreSQL, one fresh database per test.</summary>
public sealed class PostgresJobStoreConformanceTests(PostgresFixture postgres) : DurableJobStoreConformanceTests, IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly OpenedStores _stores = new(postgres);

    protected override async Task<IJobStore> CreateStoreAsync() => (await _stores.OnNewDatabaseAsync()).Jobs;

    protected override async Task<IJobStore> ReopenStoreAsync(IJobStore store) => (await _stores.ReopenAsync(store)).Jobs;

    [Fact]
    public async Task GetTeamChargesAsync_SchemaBeforeTeamSpendAndAnEndWrittenAsAnOlderBuildWould_CountsBoth()
    {
        var store = await CreateStoreAsync();
        await RunToSuccessAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a1", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 0.1m);
        var held = await PlaceAsync(store, await SubmitNewAsync(store, JobSpecs.Gpu("a2", 1).Team("team-a").Obj()), StoreTestData.SpotPool, 1, 10);
        var database = _stores.ConnectionStringOf(store);
        // The schema as builds before step 3 left it, with an attempt already ended.
        await DirectSql.ScalarAsync(database, """
            DROP TABLE placement.team_spend;
            DROP FUNCTION placement.add_ended_attempt_to_team_spend CASCADE;
            DELETE FROM placement.schema_version WHERE version >= 3
            """);
        store = (await _stores.ReopenAsync(store)).Jobs;

        // A silo of the previous build, still running during a rolling upgrade, ends an attempt its own way.
        await DirectSql.ScalarAsync(database, $"UPDATE placement.attempts SET ended_at = now(), outcome = 'succeeded', actual_cost = 0.2 WHERE job_id = '{held.Id.Value}'");

        JobAssert.SameMoney(Money.Of(0.3m), (await store.GetTeamChargesAsync(None))["team-a"]);
    }

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
