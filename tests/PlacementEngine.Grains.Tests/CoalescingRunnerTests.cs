namespace PlacementEngine.Grains.Tests;

public sealed class CoalescingRunnerTests
{
    /// <summary>Wakes that arrive while a cycle runs are served by one more cycle, which starts after all of them.</summary>
    [Fact]
    public async Task RequestsDuringARun_CollapseIntoOneMoreRun()
    {
        var runs = 0;
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var runner = new CoalescingRunner(async _ =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }
        }, ex => throw ex);

        var first = runner.RequestAsync(default);
        await firstRunning.Task;
        var during = Enumerable.Range(0, 5).Select(_ => runner.RequestAsync(default)).ToList();
        Assert.All(during, d => Assert.False(d.IsCompleted));
        releaseFirst.SetResult();
        await Task.WhenAll([first, .. during]);

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task AFailedRun_IsReported_AndTheNextRequestRunsAgain()
    {
        var failures = new List<Exception>();
        var calls = 0;
        var runner = new CoalescingRunner(_ => ++calls == 1 ? throw new InvalidOperationException("store down") : Task.CompletedTask, failures.Add);

        await runner.RequestAsync(default);
        await runner.RequestAsync(default);

        Assert.Equal(2, calls);
        Assert.Equal("store down", Assert.Single(failures).Message);
    }
}
