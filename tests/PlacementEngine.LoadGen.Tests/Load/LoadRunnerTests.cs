using System.Collections.Concurrent;
using Grpc.Core;
using PlacementEngine.LoadGen.Load;

namespace PlacementEngine.LoadGen.Tests.Load;

public class LoadRunnerTests
{
    [Fact]
    public async Task RunAsync_CountedRun_MakesEachRequestOnceAndCountsFailuresByStatus()
    {
        var seen = new ConcurrentBag<long>();
        UnaryCall call = (request, _) =>
        {
            seen.Add(request.Index);
            return request.Index % 10 == 0 ? throw new RpcException(new Status(StatusCode.Unavailable, "down"))
                : request.Index % 25 == 1 ? throw new RpcException(new Status(StatusCode.DeadlineExceeded, "slow"))
                : Task.CompletedTask;
        };

        var result = await new LoadRunner(TimeProvider.System).RunAsync(
            "submit", call, new LoadPlan(7, new RateSchedule(null), 100, null), CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), seen.Order());
        Assert.Equal(100, result.Requests);
        Assert.Equal(86, result.Ok);
        Assert.Equal(10, result.Errors["Unavailable"]);
        Assert.Equal(4, result.Errors["DeadlineExceeded"]);
        Assert.Equal("DeadlineExceeded=4;Unavailable=10", result.ErrorText);
    }

    [Fact]
    public async Task RunAsync_OpenLoop_HandsEachRequestItsScheduledTime()
    {
        var dues = new ConcurrentDictionary<long, TimeSpan>();
        UnaryCall call = (request, _) =>
        {
            dues[request.Index] = request.Due;
            return Task.CompletedTask;
        };

        // A rate so high that the whole schedule is due at once: the test checks the schedule, not the clock.
        await new LoadRunner(TimeProvider.System).RunAsync(
            "health", call, new LoadPlan(3, new RateSchedule(1e9), 10, null), CancellationToken.None);

        Assert.Equal(10, dues.Count);
        Assert.All(dues, d => Assert.Equal(new RateSchedule(1e9).DueAt(d.Key), d.Value));
    }
}
