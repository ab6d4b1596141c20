using PlacementEngine.Contracts.V1;
using static PlacementEngine.Server.Tests.EndToEnd.PricingClients;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The scheduler prices with a new active book from its next cycle: placements follow a price change.</summary>
[Collection(PricingServerCollection.Name)]
public sealed class PricingSchedulingTests(PricingServerFixture fixture)
{
    private const string OverrideId = "e2e-move";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task PriceChanges_IdenticalJobMovesAwayAndPriceCappedJobGetsPlaced()
    {
        using var submitter = Server.Connect(DemoTokens.MlResearch);
        
        // The cheapest pool for a small CPU job under the current prices.
        var first = await WaitForPlacementAsync(submitter, await SubmitAsync(submitter, "e2e-price-1", maxHourlyPrice: ""));
        var pool = first.Placement;

        // Make exactly that pool's price absurd: an identical job must go elsewhere.
        await SetPoolPriceAsync(pool, "1000");
        var second = await WaitForPlacementAsync(submitter, await SubmitAsync(submitter, "e2e-price-2", maxHourlyPrice: ""));
        // Every pool: the one priced at $1000 is no longer among the best few.
        var explained = await submitter.Jobs.ExplainJobAsync(new ExplainJobRequest { Id = second.Id, AllCandidates = true });

        Assert.NotEqual(pool.Pool, second.Placement.Pool);
        Assert.Equal("1000", explained.Candidates.Single(c => c.Pool == pool.Pool).Cost.HourlyPrice);

        // A job whose cap is below every price is Unschedulable for price; a price drop below the cap places it.
        var capped = await SubmitAsync(submitter, "e2e-price-capped", maxHourlyPrice: "0.001");
        var stuck = await WaitForStateAsync(submitter, capped, JobState.Unschedulable);
        Assert.StartsWith("price-cap", stuck.StateReason, StringComparison.Ordinal);
        await SetPoolPriceAsync(pool, "0.0005");
        var placed = await WaitForPlacementAsync(submitter, capped);

        Assert.Equal(pool.Pool, placed.Placement.Pool);
        await AdminAsync(Server, "pricing", "override", "remove", OverrideId);
    }

    /// <summary>Sets the override through placectl, then waits until the scheduler's book has it (the pool list shows the active book).</summary>
    private async Task SetPoolPriceAsync(Placement pool, string price)
    {
        var capacity = pool.CapacityType switch
        {
            CapacityType.Spot => "spot",
            CapacityType.Reserved => "reserved",
            _ => "on-demand",
        };
        await AdminAsync(Server, "pricing", "override", "set", "--id", OverrideId, "--cloud", pool.Cloud, "--region", pool.Region,
            "--instance", pool.InstanceType, "--capacity-type", capacity, "--price", price);
        using var client = Server.Connect(DemoTokens.Admin);
        await WaitUntilAsync(async () =>
        {
            var pools = await client.Fleet.ListPoolsAsync(new ListPoolsRequest { Cluster = pool.Cluster });
            return pools.Pools.Single(p => p.Name == pool.Pool).HourlyPrice == price;
        }, $"pool {pool.Pool} priced at {price}");
    }

    private static async Task<string> SubmitAsync(ServerConnection client, string name, string maxHourlyPrice)
    {
        var request = SmallJob.Request($"{name}-{Guid.NewGuid():N}");
        request.Spec.Name = name;
        request.Spec.EstimatedRuntimeSeconds = 3600;
        request.Spec.MaxHourlyPrice = maxHourlyPrice;
        var response = await client.Jobs.SubmitJobAsync(request);
        return response.Job.Id;
    }

    private static async Task<Job> WaitForPlacementAsync(ServerConnection client, string id)
    {
        Job? job = null;
        await WaitUntilAsync(async () =>
        {
            job = await client.Jobs.GetJobAsync(new GetJobRequest { Id = id });
            return job.Placement is { Pool.Length: > 0 };
        }, $"job {id} placed");
        return job!;
    }

    private static async Task<Job> WaitForStateAsync(ServerConnection client, string id, JobState state)
    {
        Job? job = null;
        await WaitUntilAsync(async () =>
        {
            job = await client.Jobs.GetJobAsync(new GetJobRequest { Id = id });
            return job.State == state;
        }, $"job {id} {state}");
        return job!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not {what} within {WaitLimit}");
            await Task.Delay(100);
        }
    }
}
